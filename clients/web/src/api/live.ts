// Live updates over graphql-ws. Each feed resubscribes by itself after a lost connection with
// the latest variables (the cursor it reached), so `attendanceEvents(after:)` replays exactly
// what was missed; waking from the background or the network coming back restarts at once.
import { signal } from '@preact/signals';
import { createClient, type Client } from 'graphql-ws';

import type { TypedDocumentString } from '../gql/graphql';

export const liveConnected = signal(false);
/** The connection was up and is down now (not merely still opening). */
export const liveLost = signal(false);

let client: Client | null = null;
let bearer: string | null = null;
const feeds = new Set<Feed>();

export function startLive(token: string): void {
  bearer = token;
}

export function stopLive(): void {
  bearer = null;
  for (const feed of [...feeds]) feed.dispose();
  client?.dispose();
  client = null;
  liveConnected.value = false;
  liveLost.value = false;
}

/** Drops the socket (maybe dead after sleep) and resubscribes every feed at once. */
export function restartLive(): void {
  if (!client) return;
  const old = client;
  client = null;
  for (const feed of feeds) feed.restartSoon(0);
  old.terminate();
}

function getClient(): Client {
  if (!client) {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql/ws`;
    client = createClient({
      url,
      lazy: true,
      retryAttempts: 0,
      keepAlive: 15_000,
      connectionParams: () => ({ authorization: `Bearer ${bearer ?? ''}` }),
      on: {
        connected: () => {
          liveConnected.value = true;
          liveLost.value = false;
        },
        closed: () => {
          if (liveConnected.value && bearer) liveLost.value = true;
          liveConnected.value = false;
        },
      },
    });
  }
  return client;
}

class Feed {
  private unsubscribe: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private delay = 1000;
  private disposed = false;
  private started = 0;

  constructor(
    private readonly query: string,
    private readonly variables: () => Record<string, unknown>,
    private readonly onData: (data: unknown, resumedAt: number | null) => void,
  ) {}

  start(): void {
    if (this.disposed || !bearer) return;
    this.started += 1;
    // After a reconnection, events older than this moment are ones the user missed.
    const resumedAt = this.started > 1 ? Date.now() : null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      // Jittered, so a city's phones refused or cut off at once do not all come back at once.
      this.restartSoon(this.delay * (0.5 + Math.random()));
      this.delay = Math.min(this.delay * 2, 15_000);
    };
    this.unsubscribe = getClient().subscribe(
      { query: this.query, variables: this.variables() },
      {
        next: (result) => {
          this.delay = 1000;
          if (result.data) this.onData(result.data, resumedAt);
        },
        error: finish,
        complete: finish,
      },
    );
  }

  restartSoon(ms: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    const old = this.unsubscribe;
    this.unsubscribe = null;
    old?.();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.start();
    }, ms);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe?.();
    feeds.delete(this);
  }
}

/**
 * Subscribes until the returned function is called. `variables` is asked again at every
 * (re)subscription; `resumedAt` is when a resubscription after a lost connection began (null
 * on the first subscription).
 */
export function live<R, V>(
  document: TypedDocumentString<R, V>,
  variables: () => V,
  onData: (data: R, resumedAt: number | null) => void,
): () => void {
  const feed = new Feed(document.toString(), variables as () => Record<string, unknown>, onData as (d: unknown, r: number | null) => void);
  feeds.add(feed);
  feed.start();
  return () => feed.dispose();
}

let hiddenAt = 0;
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => restartLive());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') hiddenAt = Date.now();
    else if (hiddenAt && Date.now() - hiddenAt > 20_000) restartLive();
  });
}
