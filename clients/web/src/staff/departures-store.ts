// Nobody left behind (降園確認): the nursery's left-behind checks of today, loaded when the staff
// app starts and followed live, so that every staff screen can show the children still here
// after closing (the banner) and the list's screen can work on them.
import { signal } from '@preact/signals';

import { gql } from '../api/http';
import { live } from '../api/live';
import { DepartureCheckFeedDocument, DepartureChecksDocument, type DepartureCheckFieldsFragment } from '../gql/graphql';
import { today } from '../time';

export type DepartureCheck = DepartureCheckFieldsFragment;

/** Today's checks, open or ended; `null` until first loaded. */
export const departures = signal<DepartureCheck[] | null>(null);
export const departuresFailed = signal(false);

/** A check as the server now has it: the newer state of a check wins. */
export function mergeDeparture(check: DepartureCheck): void {
  const list = departures.value ?? [];
  const i = list.findIndex((c) => c.id === check.id);
  departures.value = i < 0 ? [...list, check] : list.map((c, j) => (j === i ? check : c));
}

/** The open checks, in name order so that a card does not move under a finger. */
export function stillHere(list: DepartureCheck[] | null): DepartureCheck[] {
  return (list ?? []).filter((c) => c.open).sort((a, b) => a.child.name.localeCompare(b.child.name, 'ja'));
}

/** Loads today's checks and follows them live; the returned function stops. */
export function followDepartures(nurseryId: string): () => void {
  const load = () =>
    gql(DepartureChecksDocument, { nurseryId })
      .then((data) => {
        departuresFailed.value = false;
        // Events that arrived while loading are kept.
        const seen = new Map((departures.value ?? []).map((c) => [c.id, c]));
        departures.value = data.departureChecks.map((c) => seen.get(c.id) ?? c);
      })
      .catch(() => (departuresFailed.value = true));
  const stop = live(DepartureCheckFeedDocument, () => ({}), (data) => mergeDeparture(data.departureCheckUpdates));
  void load();
  let day = today();
  const timer = setInterval(() => {
    if (today() !== day) {
      day = today();
      departures.value = null;
      void load();
    }
  }, 60_000);
  return () => {
    stop();
    clearInterval(timer);
    departures.value = null;
  };
}
