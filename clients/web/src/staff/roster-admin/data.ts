// What the roster screens share: the nursery's classrooms with their children (read again after
// every change, and the staff roster with them so the tablet's other screens follow), and a
// refusal from the server turned into a message at the field it names.
import { useEffect, useState } from 'preact/hooks';

import { ApiError, gql } from '../../api/http';
import { RosterAdminDocument, type RosterAdminQuery } from '../../gql/graphql';
import { r, type RosterKey } from '../../strings-roster';
import { loadNursery } from '../store';

export type AdminNursery = NonNullable<RosterAdminQuery['nursery']>;
export type AdminClassroom = AdminNursery['classrooms'][number];
export type AdminChild = AdminClassroom['children'][number];

export function useRosterAdmin(nurseryId: string): { nursery: AdminNursery | null; failed: boolean; reload: () => Promise<void> } {
  const [nursery, setNursery] = useState<AdminNursery | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = async () => {
    try {
      const data = await gql(RosterAdminDocument, { nurseryId });
      setNursery(data.nursery ?? null);
      setFailed(!data.nursery);
    } catch {
      setFailed(true);
    }
  };
  useEffect(() => {
    void reload();
  }, [nurseryId]);
  return { nursery, failed, reload };
}

/** After a change: this screen's list and the staff roster (tiles, care screens) read again. */
export async function afterChange(reload: () => Promise<void>): Promise<void> {
  await Promise.all([reload(), loadNursery()]);
}

export type FieldErrors = Record<string, string>;

/**
 * A refusal as messages by field: BAD_USER_INPUT names its field (`extensions.field`), shown
 * there in the head's words (`known`: field → string); anything else under `fallback`.
 */
export function fieldErrors(err: unknown, known: Record<string, RosterKey>, fallback: string, conflict: RosterKey = 'errGeneric'): FieldErrors {
  if (err instanceof ApiError && err.code === 'BAD_USER_INPUT' && err.field) {
    const key = known[err.field];
    return key ? { [err.field]: r(key) } : { [fallback]: err.message };
  }
  if (err instanceof ApiError && err.code === 'CONFLICT') return { [fallback]: r(conflict) };
  return { [fallback]: r('errGeneric') };
}
