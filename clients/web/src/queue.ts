// The tablet's offline queue: every check-in and check-out tap (and every care record: health
// check, meal, nap check, growth measurement) is written to IndexedDB with
// its idempotency key before it is sent, so a tap survives a lost connection and a closed
// tablet, and a replay can never record twice (the server answers a repeated key with the
// first result). A refusal (already checked in from another tablet…) is reported, not
// swallowed.
import { createStore, get, update, type UseStore } from 'idb-keyval';

export interface QueuedTap {
  /** The idempotency key, made when the teacher tapped. */
  key: string;
  op: QueuedOp;
  childId: string;
  childName: string;
  /** When the teacher tapped (sent when the replay is late, so the record keeps the real time). */
  occurredAt: string;
  pickupBy?: string;
  /** The person of the family's pickup list chosen at check-out. */
  pickupPersonId?: string;
  queuedAt: number;
  /** A care record's mutation input (without the idempotency key, which is `key`). */
  input?: Record<string, unknown>;
}

export type QueuedOp = 'CHECK_IN' | 'CHECK_OUT' | 'HEALTH' | 'MEAL' | 'NAP_CHECK' | 'NAP_END' | 'GROWTH';

/** Check-in and check-out taps, the ones that shape the roster's tile. */
export function isAttendanceTap(tap: QueuedTap): tap is QueuedTap & { op: 'CHECK_IN' | 'CHECK_OUT' } {
  return tap.op === 'CHECK_IN' || tap.op === 'CHECK_OUT';
}

export type SendOutcome =
  | { kind: 'done' }
  | { kind: 'refused'; code: string; message: string }
  /** Network down or server unavailable: keep the tap and try later. */
  | { kind: 'retry' };

export interface Refusal {
  tap: QueuedTap;
  code: string;
  message: string;
}

const KEY = 'taps';

export class TapQueue {
  private readonly store: UseStore;
  private running: Promise<void> | null = null;

  constructor(store?: UseStore) {
    this.store = store ?? createStore('tsunagu-queue', 'queue');
  }

  async list(): Promise<QueuedTap[]> {
    return (await get<QueuedTap[]>(KEY, this.store)) ?? [];
  }

  async enqueue(tap: QueuedTap): Promise<void> {
    await update<QueuedTap[]>(KEY, (taps = []) => (taps.some((t) => t.key === tap.key) ? taps : [...taps, tap]), this.store);
  }

  async remove(key: string): Promise<void> {
    await update<QueuedTap[]>(KEY, (taps = []) => taps.filter((t) => t.key !== key), this.store);
  }

  /**
   * Sends the queued taps in the order they were made; stops at the first that must wait for
   * the network. One replay at a time: a second call waits for the running one.
   */
  replay(send: (tap: QueuedTap) => Promise<SendOutcome>, onRefused: (r: Refusal) => void, onDone?: (tap: QueuedTap) => void): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        for (const tap of await this.list()) {
          const outcome = await send(tap);
          if (outcome.kind === 'retry') return;
          await this.remove(tap.key);
          if (outcome.kind === 'refused') onRefused({ tap, code: outcome.code, message: outcome.message });
          else onDone?.(tap);
        }
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}

/** A fresh idempotency key (random, so two tablets never collide). */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return `tap-${crypto.randomUUID()}`;
  return `tap-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
