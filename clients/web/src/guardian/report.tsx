import { useMemo, useState } from 'preact/hooks';

import { ApiError, gql } from '../api/http';
import { ReportAbsenceDocument, type AbsenceKind, type AbsenceReason, type Symptom } from '../gql/graphql';
import { t } from '../i18n';
import { newKey } from '../queue';
import { navigate } from '../router';
import { instantAt, today } from '../time';
import { Choices } from '../ui/choice';
import { Shell } from '../ui/shell';
import { replaceReport, type HomeChild } from './store';

const KINDS: AbsenceKind[] = ['ABSENCE', 'LATE', 'EARLY_PICKUP'];
const REASONS: AbsenceReason[] = ['ILLNESS', 'FAMILY', 'MEDICAL_APPOINTMENT', 'OTHER'];
const SYMPTOMS: Symptom[] = ['FEVER', 'COUGH', 'RUNNY_NOSE', 'DIARRHEA', 'VOMITING', 'RASH', 'CONJUNCTIVITIS', 'OTHER'];

/** 欠席・遅刻・早退: three taps for the common case (child → 欠席 → 発熱 → send). */
export function ReportForm({ child }: { child: HomeChild }) {
  const [kind, setKind] = useState<AbsenceKind>('ABSENCE');
  const [reason, setReason] = useState<AbsenceReason>('ILLNESS');
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const [date, setDate] = useState(today());
  const [time, setTime] = useState('09:30');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per form: a retried send after a lost answer records once.
  const key = useMemo(() => newKey(), []);
  const toggle = (s: Symptom) => setSymptoms((list) => (list.includes(s) ? list.filter((x) => x !== s) : [...list, s]));
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
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
      navigate(`/children/${encodeURIComponent(child.id)}`);
    } catch (err) {
      setError(err instanceof ApiError && err.transient ? t('errorOffline') : err instanceof ApiError ? err.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Shell title={t('reportAbsence')} back={`/children/${encodeURIComponent(child.id)}`}>
      <form class="card form" onSubmit={submit}>
        <p class="form-child">{child.name}</p>
        <Choices legend={t('kind')} name="kind" options={KINDS} label={(k) => `kind${k}`} value={kind} onChange={setKind} />
        <label class="field">
          <span>{t('date')}</span>
          <input type="date" name="date" value={date} min={today()} onInput={(e) => setDate(e.currentTarget.value)} required />
        </label>
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
          {t('send')}
        </button>
      </form>
    </Shell>
  );
}
