// One journal: contact notebook page (the nursery's side, the family's beside it), daily
// diary or guidance plan. Autosaves revisions; when someone else saved first the conflict
// screen shows both versions side by side (choose one or merge: no edit is lost); submit,
// publish, the head's approve / return, and the history of revisions. Edits not yet saved are
// kept on the tablet with their base revision (`offline.ts`) and sent when the network is back.
import { useEffect, useRef, useState } from 'preact/hooks';

import { ApiError, gql } from '../../api/http';
import { mergeSections, type Sections } from '../../care';
import {
  JournalApproveDocument,
  JournalOneDocument,
  JournalPrefillDocument,
  JournalPublishDocument,
  JournalReturnDocument,
  JournalRevisionsDocument,
  JournalSaveDocument,
  JournalSubmitDocument,
  type JournalFieldsFragment,
  type JournalRevisionsQuery,
} from '../../gql/graphql';
import { locale, t } from '../../i18n';
import { isHead, viewer } from '../../session';
import { w, type WorkKey } from '../../strings-work';
import { formatDateTime } from '../../time';
import { Icon } from '../../ui/icons';
import { dropDraft, keepDraft, readDraft } from './offline';

const SECTIONS: Record<string, string[]> = {
  CONTACT_NOTEBOOK: ['arrival', 'temperature', 'meals', 'nap', 'mood', 'activities', 'message'],
  DAILY_DIARY: ['weather', 'attendanceSummary', 'activities', 'observations', 'healthNotes', 'meals', 'naps', 'incidents'],
  GUIDANCE_PLAN: ['aims', 'content', 'environment', 'support', 'evaluation'],
};
const HOME = ['sleep', 'mood', 'breakfast', 'temperatureC', 'message'];

type Journal = JournalFieldsFragment;

/** The side this editor writes: a notebook's nursery side, or the whole document. */
function sectionsOf(journal: Journal): { mine: Sections; home: Record<string, unknown> } {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(journal.body) as Record<string, unknown>;
  } catch {
    /* an empty page */
  }
  const side = journal.kind === 'CONTACT_NOTEBOOK' ? ((body.nursery ?? {}) as Record<string, unknown>) : body;
  const mine: Sections = {};
  for (const key of SECTIONS[journal.kind]) mine[key] = typeof side[key] === 'string' ? (side[key] as string) : '';
  return { mine, home: (body.home ?? {}) as Record<string, unknown> };
}

interface Conflict {
  theirs: Sections;
  journal: Journal;
  who: string;
  at: string;
}

export function JournalEditor({ id }: { id: string }) {
  const [journal, setJournal] = useState<Journal | null>(null);
  const [draft, setDraft] = useState<Sections>({});
  const [saveState, setSaveState] = useState<'saved' | 'dirty' | 'saving' | 'offline'>('saved');
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<JournalRevisionsQuery['journalHistory'] | null>(null);
  const [comment, setComment] = useState('');
  const base = useRef<Sections>({});
  const latest = useRef({ draft, journal });
  latest.current = { draft, journal };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const adopt = (j: Journal) => {
    const { mine } = sectionsOf(j);
    base.current = mine;
    setJournal(j);
    setDraft(mine);
  };
  const loadHistory = () =>
    gql(JournalRevisionsDocument, { id })
      .then((d) => setHistory(d.journalHistory))
      .catch(() => {});
  useEffect(() => {
    const local = readDraft(id);
    if (local) {
      // Edits this tablet has not saved yet: shown at once, sent on their old revision (a
      // newer one on the server brings up the conflict screen).
      base.current = local.base;
      setJournal(local.journal);
      setDraft(local.draft);
      latest.current = { draft: local.draft, journal: local.journal };
      setSaveState('offline');
      void save(local.draft, local.journal.revision);
    } else {
      void gql(JournalOneDocument, { id })
        .then((d) => d.journal && adopt(d.journal))
        .catch(() => {});
    }
    void loadHistory();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [id]);

  // One save at a time: a second waits for the first, then sends the newest text on the
  // revision the first produced (two saves on one revision would conflict with each other).
  const inflight = useRef<Promise<Journal | null> | null>(null);
  const conflictOpen = useRef(false);
  conflictOpen.current = !!conflict;
  const save = (body: Sections, revision: number): Promise<Journal | null> => {
    const previous = inflight.current;
    const run = previous
      ? previous.then(() => {
          const { draft: d, journal: j } = latest.current;
          return j && !conflictOpen.current ? send(d, j.revision) : null;
        })
      : send(body, revision);
    inflight.current = run;
    void run.finally(() => {
      if (inflight.current === run) inflight.current = null;
    });
    return run;
  };
  const send = async (body: Sections, revision: number): Promise<Journal | null> => {
    const j = latest.current.journal;
    if (!j) return null;
    setSaveState('saving');
    try {
      const saved = (
        await gql(JournalSaveDocument, {
          input: {
            journalId: j.id,
            kind: j.kind,
            classroomId: j.classroom?.id ?? null,
            childId: j.child?.id ?? null,
            periodStart: j.periodStart,
            periodEnd: j.periodEnd,
            body: JSON.stringify(j.kind === 'CONTACT_NOTEBOOK' ? { nursery: body } : body),
            revision,
          },
        })
      ).saveJournalDraft;
      base.current = body;
      setJournal(saved);
      latest.current = { ...latest.current, journal: saved };
      const unchanged = JSON.stringify(latest.current.draft) === JSON.stringify(body);
      if (unchanged) dropDraft(saved.id);
      else keepDraft({ journal: saved, base: body, draft: latest.current.draft });
      setSaveState(unchanged ? 'saved' : 'dirty');
      void loadHistory();
      return saved;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        const fresh = (await gql(JournalOneDocument, { id: j.id })).journal;
        const revisions = (await gql(JournalRevisionsDocument, { id: j.id })).journalHistory;
        if (fresh) {
          conflictOpen.current = true;
          const last = revisions[revisions.length - 1];
          setConflict({ theirs: sectionsOf(fresh).mine, journal: fresh, who: last?.actor.displayName ?? '', at: fresh.updatedAt });
        }
        setHistory(revisions);
        setSaveState('dirty');
      } else if (err instanceof ApiError && err.transient) {
        keepDraft({ journal: { ...j, revision }, base: base.current, draft: latest.current.draft });
        setSaveState('offline');
      } else {
        setError(err instanceof Error ? err.message : t('errorGeneric'));
        setSaveState('dirty');
      }
      return null;
    }
  };

  // Offline: try again when the network is back (and now and then, as 'online' can be missed).
  useEffect(() => {
    if (saveState !== 'offline') return;
    const retry = () => {
      const { draft: d, journal: j } = latest.current;
      if (j) void save(d, j.revision);
    };
    window.addEventListener('online', retry);
    const every = setInterval(retry, 5000);
    return () => {
      window.removeEventListener('online', retry);
      clearInterval(every);
    };
  }, [saveState]);

  const editable = !!journal && (journal.status === 'DRAFT' || journal.status === 'RETURNED') && !conflict;
  const edit = (key: string, text: string) => {
    const next = { ...draft, [key]: text };
    setDraft(next);
    latest.current = { ...latest.current, draft: next };
    if (journal) keepDraft({ journal, base: base.current, draft: next });
    setSaveState((s) => (s === 'offline' ? s : 'dirty'));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const { draft: d, journal: j } = latest.current;
      if (j) void save(d, j.revision);
    }, 1200);
  };
  const flush = async (): Promise<Journal | null> => {
    if (timer.current) clearTimeout(timer.current);
    const { draft: d, journal: j } = latest.current;
    if (!j) return null;
    if (saveState === 'saved') return j;
    return save(d, j.revision);
  };
  const act = async (fn: (j: Journal) => Promise<Journal>) => {
    setError(null);
    try {
      const j = await flush();
      if (!j) return;
      adopt(await fn(j));
      void loadHistory();
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'FORBIDDEN' ? t('errorGeneric') : err instanceof Error ? err.message : t('errorGeneric'));
    }
  };
  const resolve = async (choice: 'mine' | 'theirs' | 'merge') => {
    if (!conflict) return;
    const theirs = conflict.theirs;
    conflictOpen.current = false;
    setConflict(null);
    setJournal(conflict.journal);
    if (choice === 'theirs') {
      dropDraft(conflict.journal.id);
      adopt(conflict.journal);
      setSaveState('saved');
      return;
    }
    const body = choice === 'mine' ? draft : mergeSections(base.current, draft, theirs);
    // From here the edit is based on their revision.
    base.current = theirs;
    setDraft(body);
    latest.current = { draft: body, journal: conflict.journal };
    await save(body, conflict.journal.revision);
  };

  /** A page the family started: fill the nursery's empty sections from the day's records. */
  const prefill = async () => {
    const j = latest.current.journal;
    if (!j?.child) return;
    try {
      const raw = (await gql(JournalPrefillDocument, { kind: j.kind, childId: j.child.id, date: j.periodStart })).journalTemplate;
      const filled = sectionsOf({ ...j, body: raw }).mine;
      const next = { ...latest.current.draft };
      for (const [k, v] of Object.entries(filled)) if (!next[k] && v) next[k] = v;
      setDraft(next);
      latest.current = { draft: next, journal: j };
      await save(next, j.revision);
    } catch {
      setError(t('errorGeneric'));
    }
  };

  if (!journal) return <p>{t('loading')}</p>;
  const lang = locale.value;
  const head = isHead(viewer.value);
  const { home } = sectionsOf(journal);
  const status = w(`status${journal.status}` as WorkKey);
  return (
    <div data-testid="journal-editor" data-status={journal.status} data-revision={journal.revision}>
      <header class="editor-head">
        <h2>
          {w(`kind${journal.kind}` as WorkKey)} {journal.child?.name ?? journal.classroom?.name ?? ''} <span class="muted">{journal.periodStart}</span>
        </h2>
        <p class={`status-chip s-${journal.status.toLowerCase()}`} data-testid="journal-status">
          {status}
        </p>
        <p class="muted small" aria-live="polite" data-testid="save-state">
          {saveState === 'saving' ? w('editorSaving') : saveState === 'offline' ? w('editorOffline') : saveState === 'saved' ? w('editorSaved', { rev: journal.revision }) : ''}
        </p>
      </header>
      {journal.reviewComment && journal.status === 'RETURNED' && <p class="note">{w('reviewComment', { comment: journal.reviewComment })}</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {conflict && (
        <section class="card conflict" role="alert" data-testid="conflict">
          <h2>
            <Icon name="alert" /> {w('conflictTitle')}
          </h2>
          <p>{w('conflictBody', { who: conflict.who, at: formatDateTime(conflict.at, lang) })}</p>
          <div class="side-by-side">
            <div>
              <h3>{w('conflictMine')}</h3>
              <dl data-testid="conflict-mine">
                {SECTIONS[journal.kind].map((k) => (
                  <div key={k} class={draft[k] !== conflict.theirs[k] ? 'differs' : ''}>
                    <dt>{w(`sec${k}` as WorkKey)}</dt>
                    <dd>{draft[k] || '—'}</dd>
                  </div>
                ))}
              </dl>
            </div>
            <div>
              <h3>{w('conflictTheirs')}</h3>
              <dl data-testid="conflict-theirs">
                {SECTIONS[journal.kind].map((k) => (
                  <div key={k} class={draft[k] !== conflict.theirs[k] ? 'differs' : ''}>
                    <dt>{w(`sec${k}` as WorkKey)}</dt>
                    <dd>{conflict.theirs[k] || '—'}</dd>
                  </div>
                ))}
              </dl>
            </div>
          </div>
          <div class="dialog-actions wrap">
            <button class="btn" onClick={() => void resolve('theirs')}>
              {w('conflictKeepTheirs')}
            </button>
            <button class="btn" onClick={() => void resolve('mine')}>
              {w('conflictKeepMine')}
            </button>
            <button class="btn primary" onClick={() => void resolve('merge')}>
              {w('conflictMerge')}
            </button>
          </div>
        </section>
      )}
      <div class={journal.kind === 'CONTACT_NOTEBOOK' ? 'notebook-split' : ''}>
        <section class="card">
          {!editable && !conflict && <p class="muted">{w('editorReadOnly', { status })}</p>}
          {SECTIONS[journal.kind].map((k) => (
            <label class="field" key={k}>
              <span>{w(`sec${k}` as WorkKey)}</span>
              <textarea name={k} rows={k === 'activities' || k === 'observations' || k === 'content' ? 4 : 2} value={draft[k] ?? ''} readOnly={!editable} onInput={(e) => edit(k, e.currentTarget.value)} onBlur={() => editable && void flush()} />
            </label>
          ))}
        </section>
        {journal.kind === 'CONTACT_NOTEBOOK' && (
          <section class="card home-side" data-testid="home-side">
            <h3>{w('homeSide')}</h3>
            {Object.keys(home).length === 0 ? (
              <p class="muted">{w('homeEmpty')}</p>
            ) : (
              <dl>
                {HOME.filter((k) => home[k] != null && home[k] !== '').map((k) => (
                  <div key={k}>
                    <dt>{w(`sec${k}` as WorkKey)}</dt>
                    <dd>{String(home[k])}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        )}
      </div>
      <div class="editor-actions">
        {editable && journal.kind === 'CONTACT_NOTEBOOK' && (
          <button class="btn" onClick={() => void prefill()} data-testid="prefill">
            {w('prefill')}
          </button>
        )}
        {editable && journal.kind !== 'CONTACT_NOTEBOOK' && (
          <button class="btn primary" onClick={() => void act((j) => gql(JournalSubmitDocument, { id: j.id, revision: j.revision }).then((d) => d.submitJournal))}>
            {w('submit')}
          </button>
        )}
        {journal.kind === 'CONTACT_NOTEBOOK' && journal.status !== 'PUBLISHED' && (
          <button class="btn primary" onClick={() => void act((j) => gql(JournalPublishDocument, { id: j.id }).then((d) => d.publishJournal))}>
            {w('publish')}
          </button>
        )}
        {head && journal.status === 'SUBMITTED' && (
          <>
            <button class="btn primary" onClick={() => void act((j) => gql(JournalApproveDocument, { id: j.id }).then((d) => d.approveJournal))}>
              <Icon name="check" /> {w('approve')}
            </button>
            <label class="field inline">
              <span>{w('returnComment')}</span>
              <input name="comment" value={comment} maxLength={1000} onInput={(e) => setComment(e.currentTarget.value)} />
            </label>
            <button class="btn" disabled={!comment.trim()} onClick={() => void act((j) => gql(JournalReturnDocument, { id: j.id, comment: comment.trim() }).then((d) => d.returnJournal))}>
              {w('returnIt')}
            </button>
          </>
        )}
      </div>
      {history && history.length > 0 && (
        <details class="card history">
          <summary>
            {w('history')} ({history.length})
          </summary>
          <ol data-testid="history">
            {[...history].reverse().map((h) => (
              <li key={h.revision + h.action + h.at}>
                {w('historyItem', { rev: h.revision, action: w(`action${h.action}` as WorkKey), who: h.actor.displayName, at: formatDateTime(h.at, lang) })}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
