// The tablet's pick-ups of today: each child's plan (time, person, confirmed or not), the
// people the nursery still has to confirm and the check-outs by someone not on a list, loaded
// once and kept live. A guardian's change in the day reaches the roster at once.
import { signal } from '@preact/signals';

import { gql } from '../api/http';
import { live } from '../api/live';
import {
  ConfirmPickupPersonDocument,
  ConfirmPickupPlanDocument,
  PickupPlanFeedDocument,
  PickupWarningFeedDocument,
  StaffPickupDocument,
  type PickupPlanFieldsFragment,
  type StaffPickupQuery,
} from '../gql/graphql';
import { today } from '../time';

export type Plan = PickupPlanFieldsFragment;
export type PersonToConfirm = StaffPickupQuery['unconfirmedPickupPeople'][number];
export type Warning = StaffPickupQuery['pickupWarnings'][number];

/** Today's plans by child. */
export const plans = signal<Map<string, Plan>>(new Map());
export const toConfirm = signal<PersonToConfirm[]>([]);
export const warnings = signal<Warning[]>([]);
/** Warnings that came in live, until a teacher closes the banner. */
export const newWarnings = signal<Warning[]>([]);

let following = '';

function setPlan(childId: string, plan: Plan | null): void {
  const next = new Map(plans.value);
  if (plan) next.set(childId, plan);
  else next.delete(childId);
  plans.value = next;
}

export async function loadPickups(nurseryId: string): Promise<void> {
  try {
    const d = await gql(StaffPickupDocument, { nurseryId });
    plans.value = new Map(d.pickupPlans.map((p) => [p.child.id, p]));
    toConfirm.value = d.unconfirmedPickupPeople;
    warnings.value = d.pickupWarnings;
  } catch {
    /* offline: the roster works without the plans; the next load fills them */
  }
}

/** Loads today's pick-ups and follows them live; idempotent per nursery. */
export function startPickups(nurseryId: string): () => void {
  if (following === nurseryId) return () => {};
  following = nurseryId;
  void loadPickups(nurseryId);
  const day = today();
  const stopPlans = live(PickupPlanFeedDocument, () => ({}), (data) => {
    const update = data.pickupPlanUpdates;
    if (update.date === today()) setPlan(update.child.id, update.plan ?? null);
  });
  const stopWarnings = live(PickupWarningFeedDocument, () => ({}), (data) => {
    const warning = data.pickupWarningUpdates;
    if (warnings.value.some((w) => w.id === warning.id)) return;
    warnings.value = [warning, ...warnings.value];
    newWarnings.value = [...newWarnings.value, warning];
  });
  const timer = setInterval(() => {
    if (today() !== day) void loadPickups(nurseryId);
  }, 60_000);
  return () => {
    following = '';
    stopPlans();
    stopWarnings();
    clearInterval(timer);
  };
}

export function dismissWarning(id: string): void {
  newWarnings.value = newWarnings.value.filter((w) => w.id !== id);
}

export async function confirmPerson(id: string): Promise<void> {
  await gql(ConfirmPickupPersonDocument, { id });
  toConfirm.value = toConfirm.value.filter((p) => p.id !== id);
  // Plans naming the person are confirmed now too.
  plans.value = new Map([...plans.value].map(([child, plan]) => [child, plan.person?.id === id ? { ...plan, confirmed: true } : plan]));
}

export async function confirmOneOff(childId: string): Promise<void> {
  const plan = (await gql(ConfirmPickupPlanDocument, { childId, date: today() })).confirmPickupPlan;
  setPlan(childId, plan);
}
