import { useMemo, useState } from 'preact/hooks';

import { ApiError, gql } from '../api/http';
import {
  ReportAbsenceDocument,
  UpdateAbsenceDocument,
  WithdrawAbsenceDocument,
  type AbsenceFieldsFragment,
  type AbsenceKind,
  type AbsenceReason,
  type Symptom,
} from '../gql/graphql';
import { locale, t } from '../i18n';
import { newKey } from '../queue';
import { navigate } from '../router';
import { formatDate, instantAt, localClock, today } from '../time';
import { Choices } from '../ui/choice';
import { Shell } from '../ui/shell';
import { replaceReport, type HomeChild } from './store';

const KINDS: AbsenceKind[] = ['ABSENCE', 'LATE', 'EARLY_PICKUP'];
const REASONS: AbsenceReason[] = ['ILLNESS', 'FAMILY', 'MEDICAL_APPOINTMENT', 'OTHER'];
const SYMPTOMS: Symptom[] = ['FEVER', 'COUGH', 'RUNNY_NOSE', 'DIARRHEA', 'VOMITING', 'RASH', 'CONJUNCTIVITIS', 'OTHER'];

/** 欠席・遅刻・早退: three taps for the common case (child → 欠席 → 発熱 → send). With
 * `editing`, the same form changes or withdraws one of today's reports until the nursery
 * acknowledges it (its kind and date stay: for those, withdraw it and report again). */
export function ReportForm({ child, editing }: { child: HomeChild; editing?: AbsenceFieldsFragment }) {
  const [kind, setKind] = useState<AbsenceKind>(editing?.kind ?? 'ABSENCE');
  const [reason, setReason] = useState<AbsenceReason>(editing?.reason ?? 'ILLNESS');
  const [symptoms, setSymptoms] = useState<Symptom[]>(editing?.symptoms ?? []);
  const [date, setDate] = useState(editing?.date ?? today());
  const [time, setTime] = useState(editing?.expectedArrival ? localClock(editing.expectedArrival) : '09:30');
  const [note, setNote] = useState(editing?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const back = `/children/${encodeURIComponent(child.id)}`;
  const explain = (err: unknown) =>
    setError(err instanceof ApiError && err.transient ? t('errorOffline') : err instanceof ApiError ? err.message : t('errorGeneric'));
  // One key per form: a retried send after a lost answer records once.
  const key = useMemo(() => newKey(), []);
  const toggle = (s: Symptom) => setSymptoms((list) => (list.includes(s) ? list.filter((x) => x !== s) : [...list, s]));
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (editing) {
        const data = await gql(UpdateAbsenceDocument, {
          id: editing.id,
          input: {
            reason,
            symptoms: reason === 'ILLNESS' ? symptoms : [],
            expectedArrival: kind === 'ABSENCE' ? null : instantAt(date, time),
            note: note.trim() || null,
          },
        });
        replaceReport(child.id, data.updateAbsence);
        navigate(back);
        return;
      }
      const data = await gql(ReportAbsenceDocument, {
        input: {
          childId: child.id,
          kind,
          date,
          reason,
          symptoms: reason === 'ILLNESS' ? symptoms : [],
          expectedArrival: kind === 'ABSENCE' ? null : instantAt(date, time),
          note: note.trim() || null,
          idempotencyKey: key,
        },
      });
      if (date === today()) replaceReport(child.id, data.reportAbsence);
      navigate(back);
    } catch (err) {
      explain(err);
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async () => {
    if (!editing) return;
    setBusy(true);
    setError(null);
    try {
      const data = await gql(WithdrawAbsenceDocument, { id: editing.id });
      replaceReport(child.id, data.withdrawAbsence);
      navigate(back);
    } catch (err) {
      explain(err);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Shell title={editing ? t('changeReportTitle') : t('reportAbsence')} back={back}>
      <form class="card form" onSubmit={submit}>
        <p class="form-child">{child.name}</p>
        {editing ? (
          <p class="form-fixed" data-testid="report-fixed">
            <strong>{t(`kind${kind}`)}</strong> {formatDate(date, locale.value)}
          </p>
        ) : (
          <>
            <Choices legend={t('kind')} name="kind" options={KINDS} label={(k) => `kind${k}`} value={kind} onChange={setKind} />
            <label class="field">
              <span>{t('date')}</span>
              <input type="date" name="date" value={date} min={today()} onInput={(e) => setDate(e.currentTarget.value)} required />
            </label>
          </>
        )}
        {kind !== 'ABSENCE' && (
          <label class="field">
            <span>{kind === 'LATE' ? t('expectedArrival') : t('pickupTime')}</span>
            <input type="time" name="time" value={time} onInput={(e) => setTime(e.currentTarget.value)} required />
          </label>
        )}
        <Choices legend={t('reason')} name="reason" options={REASONS} label={(r) => `reason${r}`} value={reason} onChange={setReason} />
        {reason === 'ILLNESS' && (
          <Choices legend={t('symptoms')} name="symptoms" options={SYMPTOMS} label={(s) => `symptom${s}`} value={symptoms} onChange={toggle} multiple />
        )}
        <label class="field">
          <span>{t('note')}</span>
          <textarea name="note" rows={3} maxLength={1000} placeholder={t('notePlaceholder')} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button class="btn primary wide" type="submit" disabled={busy}>
          {editing ? t('sendChanges') : t('send')}
        </button>
      </form>
      {editing && (
        <section class="card form" aria-label={t('withdrawReport')}>
          {confirming ? (
            <>
              <p role="alert">{t('withdrawConfirm')}</p>
              <button class="btn danger wide" type="button" disabled={busy} onClick={() => void withdraw()}>
                {t('withdrawYes')}
              </button>
              <button class="btn wide" type="button" onClick={() => setConfirming(false)}>
                {t('withdrawNo')}
              </button>
            </>
          ) : (
            <button class="btn wide" type="button" onClick={() => setConfirming(true)}>
              {t('withdrawReport')}
            </button>
          )}
        </section>
      )}
    </Shell>
  );
}
