// The nursery head's screens: today's overview (present, absent with symptoms, late, not yet
// arrived — live from the roster), approvals waiting, nap-check compliance and diary
// approval by day; and the nursery's audit log with filters.
import { useEffect, useState } from 'preact/hooks';

import { gql } from '../../api/http';
import { deriveDay } from '../../day';
import { AuditEntriesDocument, DaySummariesDocument, HeadNurseryDocument, JournalListDocument, type AuditEntriesQuery, type DaySummariesQuery } from '../../gql/graphql';
import { locale, t } from '../../i18n';
import { isAttendanceTap } from '../../queue';
import { w } from '../../strings-work';
import { addDays, formatDate, formatDateTime, formatTime, today } from '../../time';
import { nursery, pending } from '../store';

export function OverviewScreen({ nurseryId }: { nurseryId: string }) {
  const [days, setDays] = useState<DaySummariesQuery['nurseryDaySummaries'] | null>(null);
  const [inbox, setInbox] = useState<number | null>(null);
  useEffect(() => {
    const date = today();
    void gql(HeadNurseryDocument, { nurseryId })
      .then((d) => (d.nursery ? gql(DaySummariesDocument, { municipalityId: d.nursery.municipality.id, nurseryId, from: addDays(date, -13), to: date }) : null))
      .then((d) => setDays(d?.nurseryDaySummaries ?? []))
      .catch(() => setDays([]));
    void gql(JournalListDocument, { nurseryId, status: 'SUBMITTED' })
      .then((d) => setInbox(d.journals.length))
      .catch(() => {});
  }, [nurseryId]);
  const lang = locale.value;
  const queued = pending.value.filter(isAttendanceTap);
  const groups = { PRESENT: [] as string[], ABSENT: [] as string[], LATE: [] as string[], NOT_YET: [] as string[], LEFT: [] as string[] };
  for (const room of nursery.value?.classrooms ?? []) {
    for (const c of room.children) {
      const s = deriveDay(c.attendance, c.absences, queued.filter((p) => p.childId === c.id));
      const names = s.report?.symptoms.map((x) => t(`symptom${x as 'FEVER'}`)) ?? [];
      const symptoms = !names.length ? '' : lang === 'ja' ? `（${names.join('・')}）` : ` (${names.join(', ')})`;
      const at = s.status === 'LATE' && s.at ? ` ${formatTime(s.at)}` : '';
      groups[s.status].push(`${c.name}${s.status === 'ABSENT' ? symptoms : at} · ${room.name}`);
    }
  }
  const box = (label: string, list: string[], cls: string, names = true) => (
    <section class={`card ov-box ${cls}`} data-testid={`ov-${cls}`}>
      <h2>
        {label} <span class="ov-count">{list.length}</span>
      </h2>
      {names && (list.length ? <ul>{list.map((x) => <li key={x}>{x}</li>)}</ul> : <p class="muted">{w('ovNobody')}</p>)}
    </section>
  );
  return (
    <>
      <p class="today">{formatDate(today(), lang)}</p>
      {inbox != null && inbox > 0 && (
        <p>
          <a class="btn primary" href="/inbox">
            {w('ovInbox', { n: inbox })}
          </a>
        </p>
      )}
      <div class="ov-grid">
        {box(w('ovPresent'), groups.PRESENT, 'st-present', false)}
        {box(w('ovAbsent'), groups.ABSENT, 'st-absent')}
        {box(w('ovLate'), groups.LATE, 'st-late')}
        {box(w('ovNotYet'), groups.NOT_YET, 'st-none')}
        {box(w('ovLeft'), groups.LEFT, 'st-left', false)}
      </div>
      <section class="card">
        <h2>{w('ovByDay')}</h2>
        {!days ? (
          <p>{t('loading')}</p>
        ) : days.length === 0 ? (
          <p class="muted">{w('ovNoDays')}</p>
        ) : (
          <div class="table-wrap" tabIndex={0}>
            <table class="data-table" data-testid="ov-days">
              <thead>
                <tr>
                  <th scope="col">{w('ovDate')}</th>
                  <th scope="col">{w('ovPresent')}</th>
                  <th scope="col">{w('ovAbsent')}</th>
                  <th scope="col">{w('ovNapCompliance')}</th>
                  <th scope="col">{w('ovDiaries')}</th>
                </tr>
              </thead>
              <tbody>
                {[...days].reverse().map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{formatDate(d.date, lang)}</th>
                    <td>
                      {d.present}/{d.enrolled}
                    </td>
                    <td>{d.absent}</td>
                    <td>
                      {d.napChecksOnTime}/{d.napChecksRequired}
                      {d.napCheckCompliance != null && ` (${Math.round(d.napCheckCompliance * 100)}%)`}
                    </td>
                    <td>
                      {d.diariesApproved}/{d.classrooms}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

type Entry = AuditEntriesQuery['auditLog']['entries'][number];

export function AuditScreen({ nurseryId }: { nurseryId: string }) {
  const [operation, setOperation] = useState('');
  const [access, setAccess] = useState<'' | 'READ' | 'WRITE'>('');
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const load = (after: string | null) =>
    gql(AuditEntriesDocument, { nurseryId, operation: operation.trim() || null, access: access || null, first: 50, after })
      .then((d) => {
        setEntries((list) => (after ? [...(list ?? []), ...d.auditLog.entries] : d.auditLog.entries));
        setNext(d.auditLog.nextCursor ?? null);
      })
      .catch(() => setEntries((list) => list ?? []));
  useEffect(() => void load(null), [nurseryId]);
  const lang = locale.value;
  return (
    <>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(null);
        }}
      >
        <label class="field inline">
          <span>{w('auditOperation')}</span>
          <input name="operation" value={operation} onInput={(e) => setOperation(e.currentTarget.value)} placeholder="checkIn" />
        </label>
        <label class="field inline">
          <span>{w('auditAccess')}</span>
          <select name="access" value={access} onChange={(e) => setAccess(e.currentTarget.value as '' | 'READ' | 'WRITE')}>
            <option value="">{w('auditAll')}</option>
            <option value="READ">{w('auditREAD')}</option>
            <option value="WRITE">{w('auditWRITE')}</option>
          </select>
        </label>
        <button class="btn primary" type="submit">
          {w('auditFilter')}
        </button>
      </form>
      {!entries ? (
        <p>{t('loading')}</p>
      ) : (
        <div class="table-wrap" tabIndex={0}>
          <table class="data-table" data-testid="audit">
            <thead>
              <tr>
                <th scope="col">{w('auditWhen')}</th>
                <th scope="col">{w('auditOperation')}</th>
                <th scope="col">{w('auditAccess')}</th>
                <th scope="col">{w('auditActor')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, lang)}</td>
                  <td>{e.operation}</td>
                  <td>{w(e.access === 'READ' ? 'auditREAD' : 'auditWRITE')}</td>
                  <td class="small mono">{e.actorId?.slice(0, 8) ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button class="btn" onClick={() => void load(next)}>
          {w('auditMore')}
        </button>
      )}
    </>
  );
}
