// Journal edits not yet on the server, kept on the tablet: every keystroke's draft is written
// here with the revision it was based on, and dropped once the server has that text. Offline,
// or after the tab was closed, the editor reopens from it and sends it with that old revision:
// the server accepts it, or answers CONFLICT when someone saved in between (the conflict
// screen then shows both versions). Nothing typed is lost.
import type { Sections } from '../../care';
import type { JournalFieldsFragment } from '../../gql/graphql';

export interface LocalDraft {
  /** The journal as the editor last had it from the server (its revision is the base). */
  journal: JournalFieldsFragment;
  /** The sections of that revision: what a merge compares with. */
  base: Sections;
  /** What the teacher typed. */
  draft: Sections;
}

const PREFIX = 'tsunagu.journalDraft.';

export function keepDraft(local: LocalDraft): void {
  try {
    localStorage.setItem(PREFIX + local.journal.id, JSON.stringify(local));
  } catch {
    /* storage full or blocked: the editor still holds it in memory */
  }
}

export function readDraft(id: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(PREFIX + id);
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function dropDraft(id: string): void {
  try {
    localStorage.removeItem(PREFIX + id);
  } catch {
    /* ignore */
  }
}
