// Nobody left behind (降園確認): the nursery's left-behind checks of today, loaded when the staff
// app starts and followed live, so that every staff screen can show the children still here
// after closing (the banner) and the list's screen can work on them.
import { effect, signal } from '@preact/signals';

import { gql } from '../api/http';
import { live, liveConnected } from '../api/live';
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

/** Of two states of one check, the later: an ended check stays ended, else more alerts win. */
export function laterState(a: DepartureCheck, b: DepartureCheck): DepartureCheck {
  if (a.open !== b.open) return a.open ? b : a;
  return b.alerts > a.alerts ? b : a;
}

/** The list as loaded, with what the live feed brought meanwhile: each check in its later
 * state, and checks the load did not yet hold kept. */
export function mergeLoaded(held: readonly DepartureCheck[], loaded: readonly DepartureCheck[]): DepartureCheck[] {
  const byId = new Map(held.map((c) => [c.id, c]));
  const merged = loaded.map((c) => {
    const mine = byId.get(c.id);
    byId.delete(c.id);
    return mine ? laterState(mine, c) : c;
  });
  return [...merged, ...byId.values()];
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
        departures.value = mergeLoaded(departures.value ?? [], data.departureChecks);
      })
      .catch(() => (departuresFailed.value = true));
  const stop = live(DepartureCheckFeedDocument, () => ({}), (data) => mergeDeparture(data.departureCheckUpdates));
  void load();
  // The feed starts where the server's log stood when it subscribed: a check raised between
  // the first load and that moment would be missed. Read the list again once the socket is up
  // (after every reconnection too), and every 15 s besides — a child left behind must not
  // depend on one message.
  const stopReloadOnConnect = effect(() => {
    if (liveConnected.value) void load();
  });
  let day = today();
  const timer = setInterval(() => {
    if (today() !== day) {
      day = today();
      departures.value = null;
    }
    void load();
  }, 15_000);
  return () => {
    stop();
    stopReloadOnConnect();
    clearInterval(timer);
    departures.value = null;
  };
}
