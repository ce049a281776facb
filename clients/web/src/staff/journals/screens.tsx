// The journal screens (one chunk, loaded on demand): contact notebook pages per child, the
// classroom's diary and plans, one journal's editor, the head's approval inbox, today's
// overview and the audit log.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { gql } from '../../api/http';
import { JournalListDocument, JournalPrefillDocument, JournalSaveDocument, type JournalFieldsFragment, type JournalKind } from '../../gql/graphql';
import { locale, t } from '../../i18n';
import { navigate } from '../../router';
import { w, type WorkKey } from '../../strings-work';
import { addDays, formatDate, today } from '../../time';
import { Icon } from '../../ui/icons';
import { Shell } from '../../ui/shell';
import { StaffNav } from '../nav';
import { classroomChoice } from '../picker';
import { nursery, pending } from '../store';
import { JournalEditor } from './editor';
import { AuditScreen, OverviewScreen } from './head';

export function JournalScreen({ banner, nurseryId, route }: { banner: ComponentChildren; nurseryId: string; route: string }) {
  const editing = /^\/journals\/([^/]+)$/.exec(route);
  const [title, body, back] = editing
    ? [w('journalsTitle'), <JournalEditor key={editing[1]} id={decodeURIComponent(editing[1])} />, '/journals']
    : route === '/notebook'
      ? [w('notebookTitle'), <NotebookList nurseryId={nurseryId} />]
      : route === '/inbox'
        ? [w('inboxTitle'), <Inbox nurseryId={nurseryId} />]
        : route === '/overview'
          ? [w('overviewTitle'), <OverviewScreen nurseryId={nurseryId} />]
          : route === '/audit'
            ? [w('auditTitle'), <AuditScreen nurseryId={nurseryId} />]
            : [w('journalsTitle'), <JournalList nurseryId={nurseryId} />];
  return (
    <Shell title={title} back={back} banner={banner} pending={pending.value.length} wide>
      <StaffNav />
      {body}
    </Shell>
  );
}

function room() {
  const rooms = nursery.value?.classrooms ?? [];
  return rooms.find((r) => r.id === classroomChoice.value) ?? rooms[0] ?? null;
}

function useJournals(nurseryId: string, vars: { kind?: JournalKind; status?: 'SUBMITTED'; from?: string; to?: string }) {
  const [list, setList] = useState<JournalFieldsFragment[] | null>(null);
  const key = JSON.stringify(vars);
  useEffect(() => {
    let alive = true;
    gql(JournalListDocument, { nurseryId, ...vars })
      .then((d) => alive && setList(d.journals))
      .catch(() => alive && setList([]));
    return () => {
      alive = false;
    };
  }, [nurseryId, key]);
  return list;
}

/** A new page pre-filled from the day's records, saved as a draft, then opened. */
async function createFromTemplate(kind: JournalKind, target: { classroomId?: string; childId?: string }, from: string, to: string): Promise<void> {
  const body = (await gql(JournalPrefillDocument, { kind, classroomId: target.classroomId ?? null, childId: target.childId ?? null, date: from })).journalTemplate;
  const saved = (
    await gql(JournalSaveDocument, {
      input: { kind, classroomId: target.classroomId ?? null, childId: target.childId ?? null, periodStart: from, periodEnd: to, body },
    })
  ).saveJournalDraft;
  navigate(`/journals/${encodeURIComponent(saved.id)}`);
}

function StatusChip({ status }: { status: string }) {
  return <span class={`status-chip s-${status.toLowerCase()}`}>{w(`status${status}` as WorkKey)}</span>;
}

/** The family wrote their side of the page (not just an empty section). */
function hasHomeSide(body: string): boolean {
  try {
    const home = (JSON.parse(body) as { home?: Record<string, unknown> }).home ?? {};
    return Object.values(home).some((v) => v != null && v !== '');
  } catch {
    return false;
  }
}

function NotebookList({ nurseryId }: { nurseryId: string }) {
  const date = today();
  const pages = useJournals(nurseryId, { kind: 'CONTACT_NOTEBOOK', from: date, to: date });
  const r = room();
  const [error, setError] = useState(false);
  if (!r || !pages) return <p>{t('loading')}</p>;
  return (
    <>
      <p class="today">
        {r.name} · {formatDate(date, locale.value)}
      </p>
      {error && <p class="error">{t('errorGeneric')}</p>}
      <ul class="journal-list" data-testid="notebook-list">
        {r.children.map((c) => {
          const page = pages.find((p) => p.child?.id === c.id);
          const home = page ? hasHomeSide(page.body) : false;
          return (
            <li key={c.id} class="card journal-row" data-testid="notebook-row" data-child={c.id}>
              <span class="journal-name">{c.name}</span>
              <StatusChip status={page?.status ?? 'NONE'} />
              {home && (
                <span class="small">
                  <Icon name="home" size={16} /> {w('homeSide')}
                </span>
              )}
              {page ? (
                <a class="btn small" href={`/journals/${encodeURIComponent(page.id)}`}>
                  {w('notebookOpen')}
                </a>
              ) : (
                <button class="btn small primary" onClick={() => createFromTemplate('CONTACT_NOTEBOOK', { childId: c.id }, date, date).catch(() => setError(true))}>
                  {w('notebookNew')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function JournalList({ nurseryId }: { nurseryId: string }) {
  const date = today();
  const list = useJournals(nurseryId, { from: addDays(date, -30), to: date });
  const r = room();
  const [error, setError] = useState(false);
  if (!r || !list) return <p>{t('loading')}</p>;
  const mine = list.filter((j) => j.kind !== 'CONTACT_NOTEBOOK' && j.classroom?.id === r.id);
  const todays = mine.find((j) => j.kind === 'DAILY_DIARY' && j.periodStart === date);
  return (
    <>
      <p class="today">
        {r.name} · {formatDate(date, locale.value)}
      </p>
      {error && <p class="error">{t('errorGeneric')}</p>}
      <div class="class-action">
        {todays ? (
          <a class="btn primary big" href={`/journals/${encodeURIComponent(todays.id)}`} data-testid="open-diary">
            <Icon name="book" /> {w('openDiary')}
          </a>
        ) : (
          <button class="btn primary big" data-testid="new-diary" onClick={() => createFromTemplate('DAILY_DIARY', { classroomId: r.id }, date, date).catch(() => setError(true))}>
            <Icon name="book" /> {w('newDiary')}
          </button>
        )}
        <button class="btn" onClick={() => createFromTemplate('GUIDANCE_PLAN', { classroomId: r.id }, date, addDays(date, 6)).catch(() => setError(true))}>
          {w('newPlan')}
        </button>
      </div>
      <h2>{w('recentJournals')}</h2>
      {mine.length === 0 && <p class="muted">{w('noJournals')}</p>}
      <ul class="journal-list">
        {mine.map((j) => (
          <JournalRow key={j.id} journal={j} />
        ))}
      </ul>
    </>
  );
}

function JournalRow({ journal: j }: { journal: JournalFieldsFragment }) {
  return (
    <li class="card journal-row" data-testid="journal-row">
      <a class="journal-name" href={`/journals/${encodeURIComponent(j.id)}`}>
        {w(`kind${j.kind}` as WorkKey)} {j.classroom?.name ?? j.child?.name ?? ''} {formatDate(j.periodStart, locale.value)}
      </a>
      <StatusChip status={j.status} />
      <span class="muted small">{w('by', { who: j.author.displayName })}</span>
    </li>
  );
}

function Inbox({ nurseryId }: { nurseryId: string }) {
  const list = useJournals(nurseryId, { status: 'SUBMITTED' });
  if (!list) return <p>{t('loading')}</p>;
  return (
    <>
      {list.length === 0 && <p class="muted">{w('inboxEmpty')}</p>}
      <ul class="journal-list" data-testid="inbox">
        {list.map((j) => (
          <JournalRow key={j.id} journal={j} />
        ))}
      </ul>
    </>
  );
}
