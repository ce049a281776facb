import { useEffect, useState } from 'preact/hooks';

import { ApiError, gql } from '../api/http';
import { JournalByIdDocument, NotebookPagesDocument, SaveNotebookHomeDocument, type NotebookPagesQuery } from '../gql/graphql';
import { locale, t, type Key } from '../i18n';
import { addDays, formatDate, today } from '../time';
import { Shell } from '../ui/shell';
import type { HomeChild } from './store';

type Page = NotebookPagesQuery['journals'][number];
type Sections = Record<string, string | number | null>;

const NURSERY_SECTIONS: [string, Key][] = [
  ['arrival', 'secArrival'],
  ['temperature', 'secTemperature'],
  ['meals', 'secMeals'],
  ['nap', 'secNap'],
  ['mood', 'secMood'],
  ['activities', 'secActivities'],
  ['message', 'secMessage'],
];
const HOME_SECTIONS: [string, Key][] = [
  ['sleep', 'homeSleep'],
  ['mood', 'homeMood'],
  ['breakfast', 'homeBreakfast'],
  ['message', 'homeMessage'],
];

function sides(body: string): { nursery: Sections; home: Sections } {
  try {
    const parsed = JSON.parse(body) as { nursery?: Sections; home?: Sections };
    return { nursery: parsed.nursery ?? {}, home: parsed.home ?? {} };
  } catch {
    return { nursery: {}, home: {} };
  }
}

/** 連絡帳: the nursery's published pages, and today's home side written from the phone. */
export function NotebookView({ child }: { child: HomeChild }) {
  const [pages, setPages] = useState<Page[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const to = today();
    gql(NotebookPagesDocument, { nurseryId: child.nurseryId, from: addDays(to, -30), to })
      .then((data) => setPages(data.journals.filter((j) => j.child?.id === child.id)))
      .catch((err: unknown) => setError(err instanceof ApiError && err.transient ? t('errorOffline') : t('errorGeneric')));
  }, [child.id]);
  const lang = locale.value;
  return (
    <Shell title={t('notebook')} back={`/children/${encodeURIComponent(child.id)}`}>
      <p class="form-child">{child.name}</p>
      <HomeSide child={child} />
      {error && <p class="error">{error}</p>}
      {pages && pages.length === 0 && <p class="muted">{t('notebookEmpty')}</p>}
      {pages?.map((page) => {
        const { nursery, home } = sides(page.body);
        return (
          <article class="card notebook-page" key={page.id} data-testid="notebook-page">
            <h2>{formatDate(page.periodStart, lang)}</h2>
            <h3>{t('notebookNursery')}</h3>
            <dl>
              {NURSERY_SECTIONS.filter(([k]) => nursery[k] != null && nursery[k] !== '').map(([k, label]) => (
                <div key={k}>
                  <dt>{t(label)}</dt>
                  <dd>{String(nursery[k])}</dd>
                </div>
              ))}
            </dl>
            {Object.values(home).some((v) => v != null && v !== '') && (
              <>
                <h3>{t('notebookHome')}</h3>
                <dl>
                  {HOME_SECTIONS.filter(([k]) => home[k] != null && home[k] !== '').map(([k, label]) => (
                    <div key={k}>
                      <dt>{t(label)}</dt>
                      <dd>{String(home[k])}</dd>
                    </div>
                  ))}
                </dl>
              </>
            )}
          </article>
        );
      })}
    </Shell>
  );
}

interface Draft {
  id: string;
  revision: number;
  date: string;
}

function HomeSide({ child }: { child: HomeChild }) {
  const storageKey = `tsunagu.notebook.${child.id}`;
  const [values, setValues] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const date = today();
  const draft = (): Draft | null => {
    try {
      const d = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Draft | null;
      return d && d.date === date ? d : null;
    } catch {
      return null;
    }
  };
  useEffect(() => {
    const d = draft();
    if (!d) return;
    gql(JournalByIdDocument, { id: d.id })
      .then((data) => {
        if (!data.journal) return;
        localStorage.setItem(storageKey, JSON.stringify({ ...d, revision: data.journal.revision }));
        const home = sides(data.journal.body).home;
        setValues(Object.fromEntries(Object.entries(home).map(([k, v]) => [k, v == null ? '' : String(v)])));
      })
      .catch(() => {});
  }, [child.id]);
  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    const home = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
    const d = draft();
    try {
      const data = await gql(SaveNotebookHomeDocument, {
        input: {
          journalId: d?.id ?? null,
          revision: d?.revision ?? null,
          kind: 'CONTACT_NOTEBOOK',
          childId: child.id,
          periodStart: date,
          periodEnd: date,
          body: JSON.stringify({ home }),
        },
      });
      localStorage.setItem(storageKey, JSON.stringify({ id: data.saveJournalDraft.id, revision: data.saveJournalDraft.revision, date }));
      setStatus(t('notebookSaved'));
    } catch (err) {
      setStatus(err instanceof ApiError && err.transient ? t('errorOffline') : err instanceof ApiError ? err.message : t('errorGeneric'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card form" onSubmit={save}>
      <h2>{t('writeHome')}</h2>
      <p class="muted">{formatDate(date, locale.value)}</p>
      {HOME_SECTIONS.map(([k, label]) => (
        <label class="field" key={k}>
          <span>{t(label)}</span>
          {k === 'message' ? (
            <textarea name={k} rows={3} maxLength={4000} value={values[k] ?? ''} onInput={(e) => setValues({ ...values, [k]: e.currentTarget.value })} />
          ) : (
            <input name={k} maxLength={200} value={values[k] ?? ''} onInput={(e) => setValues({ ...values, [k]: e.currentTarget.value })} />
          )}
        </label>
      ))}
      {status && (
        <p class="note" role="status">
          {status}
        </p>
      )}
      <button class="btn primary wide" type="submit" disabled={busy}>
        {t('save')}
      </button>
    </form>
  );
}
