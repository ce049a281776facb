// The API against the ecosystem's own tools, as an app developer would use them: the
// graphql-http package's server audit (every MUST, and every SHOULD about status codes and
// media types), the graphql-ws client through the graphql-transport-ws rules, urql with its
// default settings and Apollo Client with the persisted-query link — a query, a mutation and a
// subscription each — all against the real `tsunagu` binary on a fresh SQLite database.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import WebSocket from 'ws';
import { serverAudits } from 'graphql-http';
import { createClient as createWsClient } from 'graphql-ws';
import { Client as UrqlClient, fetchExchange, subscriptionExchange, gql as urqlGql } from '@urql/core';
import { ApolloClient, InMemoryCache, HttpLink, split, gql } from '@apollo/client/core/index.js';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries/index.js';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions/index.js';
import { getMainDefinition } from '@apollo/client/utilities/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const binary = process.env.TSUNAGU_BIN ?? join(here, '../../target/debug/tsunagu');
const PASSWORD = 'conformance-harbour-lantern-91';

let server;
let base;
let dataDir;
const world = {};

async function gqlPost(query, variables = {}, token) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function login(email) {
  return (await gqlPost('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: PASSWORD })).login.token;
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tsunagu-conformance-'));
  server = spawn(binary, [], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${join(dataDir, 'db.sqlite')}`,
      LISTEN_ADDR: '127.0.0.1:0',
      BOOTSTRAP_ADMIN_EMAIL: 'admin@conformance.test',
      BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
      WS_INIT_TIMEOUT_SECONDS: '1',
      RUST_LOG: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise((resolve, reject) => {
    let seen = '';
    server.stdout.on('data', (chunk) => {
      seen += chunk;
      const found = seen.match(/listening on (http:\/\/[^\s]+)/);
      if (found) resolve(found[1]);
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const admin = await login('admin@conformance.test');
  const id = (data, field) => data[field].id;
  const municipality = id(await gqlPost('mutation { createMunicipality(name: "いわき市", code: "072044") { id } }', {}, admin), 'createMunicipality');
  const nursery = id(await gqlPost('mutation($m: ID!) { createNursery(municipalityId: $m, name: "白土保育所") { id } }', { m: municipality }, admin), 'createNursery');
  const classroom = id(await gqlPost('mutation($n: ID!) { createClassroom(nurseryId: $n, name: "ひよこ組", ageBand: 1) { id } }', { n: nursery }, admin), 'createClassroom');
  const family = id(await gqlPost('mutation($n: ID!) { createFamily(nurseryId: $n) { id } }', { n: nursery }, admin), 'createFamily');
  world.child = id(await gqlPost('mutation($f: ID!, $c: ID!) { enrollChild(familyId: $f, classroomId: $c, name: "はな", birthDate: "2024-05-10") { id } }', { f: family, c: classroom }, admin), 'enrollChild');
  world.child2 = id(await gqlPost('mutation($f: ID!, $c: ID!) { enrollChild(familyId: $f, classroomId: $c, name: "そら", birthDate: "2024-06-10") { id } }', { f: family, c: classroom }, admin), 'enrollChild');
  const user = 'mutation($e: String!, $p: String!, $r: Role!, $s: ID) { createUser(email: $e, password: $p, displayName: "テスト", role: $r, scopeId: $s) { id } }';
  await gqlPost(user, { e: 'staff@conformance.test', p: PASSWORD, r: 'STAFF', s: nursery }, admin);
  await gqlPost(user, { e: 'parent@conformance.test', p: PASSWORD, r: 'GUARDIAN', s: family }, admin);
  world.staff = await login('staff@conformance.test');
  world.parent = await login('parent@conformance.test');
});

after(() => {
  server?.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const wsUrl = () => `${base.replace('http', 'ws')}/graphql/ws`;
const CHECK_IN = 'mutation($c: ID!) { checkIn(input: {childId: $c}) { id occurredAt } }';
const CHECK_OUT = 'mutation($c: ID!) { checkOut(input: {childId: $c}) { id } }';

test('graphql-http server audit: every MUST, and every SHOULD on status codes and media types', async () => {
  const failures = [];
  for (const audit of serverAudits({ url: `${base}/graphql` })) {
    const result = await audit.fn();
    if (result.status === 'ok') continue;
    const about = /status|content-type|media|accept|json/i.test(audit.name);
    if (result.status === 'error' || (result.status === 'warn' && about)) {
      failures.push(`${audit.id} ${audit.name}: ${result.status} ${result.reason}`);
    } else {
      console.log(`note: ${audit.id} ${audit.name}: ${result.status} ${result.reason}`);
    }
  }
  assert.deepEqual(failures, []);
});

/** A raw socket: resolves with the close code, after sending `messages` once open. */
function closeCodeAfter(messages, { protocol = 'graphql-transport-ws' } = {}) {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl(), protocol);
    socket.on('open', () => messages.forEach((m) => socket.send(typeof m === 'string' ? m : JSON.stringify(m))));
    socket.on('close', (code) => resolve(code));
  });
}

test('graphql-transport-ws close codes, as graphql-ws documents them', async () => {
  const init = { type: 'connection_init', payload: { authorization: `Bearer ${world.parent}` } };
  assert.equal(await closeCodeAfter(['{"type": "nonsense"}']), 4400);
  assert.equal(await closeCodeAfter([{ id: '1', type: 'subscribe', payload: { query: '{ __typename }' } }]), 4401);
  assert.equal(await closeCodeAfter([{ type: 'connection_init', payload: { authorization: 'Bearer nope' } }]), 4403);
  assert.equal(await closeCodeAfter([]), 4408);
  const sub = { id: 'a', type: 'subscribe', payload: { query: 'subscription { attendanceEvents { id } }' } };
  assert.equal(await closeCodeAfter([init, sub, sub]), 4409);
  assert.equal(await closeCodeAfter([init, init]), 4429);
});

test('the graphql-ws client: live events, refusals reach sink.error, a query and a mutation', async () => {
  const client = createWsClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${world.parent}` }, lazy: true, retryAttempts: 0 });
  try {
    const arrived = new Promise((resolve, reject) => {
      client.subscribe({ query: 'subscription { attendanceEvents { kind child { id } } }' }, {
        next: (value) => resolve(value),
        error: reject,
        complete: () => {},
      });
    });
    // A refused subscription (a parent asking for the nursery's absence list) is an error.
    const refused = await new Promise((resolve) => {
      client.subscribe({ query: 'subscription { absenceReports { id } }' }, {
        next: () => resolve('next'),
        error: (errors) => resolve(errors),
        complete: () => resolve('complete'),
      });
    });
    assert.ok(Array.isArray(refused), `sink.error gets the GraphQL errors, got ${JSON.stringify(refused)}`);
    assert.equal(refused[0].extensions.code, 'FORBIDDEN');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await gqlPost(CHECK_IN, { c: world.child }, world.staff);
    const event = await arrived;
    assert.equal(event.data.attendanceEvents.kind, 'CHECK_IN');
    assert.equal(event.data.attendanceEvents.child.id, world.child);
    const me = await new Promise((resolve, reject) => {
      client.subscribe({ query: '{ me { user { displayName } } }' }, { next: resolve, error: reject, complete: () => {} });
    });
    assert.equal(me.data.me.user.displayName, 'テスト');
  } finally {
    await client.dispose();
  }
});

test('urql with its default settings: query (over GET), mutation, subscription', async () => {
  const ws = createWsClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${world.staff}` }, retryAttempts: 0 });
  const client = new UrqlClient({
    url: `${base}/graphql`,
    fetchOptions: { headers: { authorization: `Bearer ${world.staff}` } },
    exchanges: [
      fetchExchange,
      subscriptionExchange({ forwardSubscription: (request) => ({ subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }) }) }),
    ],
  });
  try {
    const me = await client.query(urqlGql`{ me { user { displayName } } }`, {}).toPromise();
    assert.equal(me.error, undefined, String(me.error));
    assert.equal(me.data.me.user.displayName, 'テスト');
    const live = new Promise((resolve) => {
      const { unsubscribe } = client
        .subscription(urqlGql`subscription { attendanceEvents { kind } }`, {})
        .subscribe((result) => {
          if (result.data) {
            unsubscribe();
            resolve(result.data.attendanceEvents.kind);
          }
        });
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const written = await client.mutation(urqlGql`mutation($c: ID!) { checkIn(input: {childId: $c}) { id } }`, { c: world.child2 }).toPromise();
    assert.equal(written.error, undefined, String(written.error));
    assert.equal(await live, 'CHECK_IN');
  } finally {
    await ws.dispose();
  }
});

test('Apollo Client with automatic persisted queries: query, mutation, subscription', async () => {
  const sha256 = (text) => createHash('sha256').update(text).digest('hex');
  const ws = createWsClient({ url: wsUrl(), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${world.staff}` }, retryAttempts: 0 });
  const http = createPersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
    new HttpLink({ uri: `${base}/graphql`, headers: { authorization: `Bearer ${world.staff}` } }),
  );
  const link = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(ws),
    http,
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  try {
    for (let round = 0; round < 2; round++) {
      const me = await client.query({ query: gql`query Me { me { user { id displayName } } }`, fetchPolicy: 'network-only' });
      assert.equal(me.data.me.user.displayName, 'テスト');
    }
    const live = new Promise((resolve, reject) => {
      const subscription = client.subscribe({ query: gql`subscription { attendanceEvents { kind } }` }).subscribe({
        next: (result) => {
          subscription.unsubscribe();
          resolve(result.data.attendanceEvents.kind);
        },
        error: reject,
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const written = await client.mutate({ mutation: gql`mutation Out($c: ID!) { checkOut(input: {childId: $c}) { id } }`, variables: { c: world.child } });
    assert.ok(written.data.checkOut.id);
    assert.equal(await live, 'CHECK_OUT');
  } finally {
    client.stop();
    await ws.dispose();
  }
});
