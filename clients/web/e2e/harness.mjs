// The browser suite's plumbing: the real server binary on port 0, GraphQL calls to build the
// test world, Chromium through playwright-core, screenshots.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { chromium } from 'playwright-core';

export const PASSWORD = 'correct-horse-battery-staple-42';
export const ADMIN = 'admin@e2e.tsunagu.test';
export const REPO = resolve(import.meta.dirname, '../../..');
export const SHOTS = resolve(import.meta.dirname, '../test-results/screenshots');

export async function startServer(databaseUrl) {
  const binary = process.env.TSUNAGU_BIN ?? resolve(REPO, 'target/debug/tsunagu');
  const child = spawn(binary, [], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LISTEN_ADDR: '127.0.0.1:0',
      BOOTSTRAP_ADMIN_EMAIL: ADMIN,
      BOOTSTRAP_ADMIN_PASSWORD: PASSWORD,
      WEB_DIR: resolve(import.meta.dirname, '../dist'),
      LOGIN_LIMIT_PER_ADDRESS: '1000',
      LOGIN_LIMIT_PER_ACCOUNT: '1000',
      // The not-yet-arrived watch, quick: the safety scenarios make the check due and wait.
      ARRIVAL_WATCH_INTERVAL_MS: '300',
      RUST_LOG: process.env.RUST_LOG ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((ok, fail) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(text);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`server exited with ${code}: ${text}`)));
  });
  child.stdout.resume();
  return { url, stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.on('exit', done), child.kill('SIGTERM')))) };
}

export async function gql(base, query, variables = {}, token) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) {
    const e = new Error(`${body.errors[0].message} (${body.errors[0].extensions?.code})`);
    e.code = body.errors[0].extensions?.code;
    throw e;
  }
  return body.data;
}

export async function login(base, email) {
  return (await gql(base, 'mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}', { e: email, p: PASSWORD })).login.token;
}

const CHILD_NAMES = ['佐藤 はな', '佐藤 ゆい', '鈴木 そら', '田中 れん', '高橋 めい', '伊藤 りく', '渡辺 あお', '山本 さくら'];

/** A nursery with one classroom, two families (A: two guardians and two children; B: one of
 * each), more children for the roster, a teacher, a second tablet's teacher and the head. */
export async function buildWorld(base) {
  const admin = await login(base, ADMIN);
  const q = (query, variables) => gql(base, query, variables, admin);
  const m = (await q('mutation{createMunicipality(name:"テスト市",code:"999999"){id}}')).createMunicipality;
  const n = (await q('mutation($m:ID!){createNursery(municipalityId:$m,name:"つなぐ保育園"){id}}', { m: m.id })).createNursery;
  // Hours that never bring the day's checks due on their own, whatever the time of day the suite
  // runs (the default closing at 19:00 would raise left-behind alerts on an evening run): the
  // safety scenarios set the times they test.
  await q(
    'mutation($n:ID!){setNurseryHours(nurseryId:$n,input:{openWeekdays:[1,2,3,4,5,6,7],opensAt:"00:00",closesAt:"23:59:59",arrivalCheckAt:"23:59:58",lateGraceMinutes:30}){closesAt}}',
    { n: n.id },
  );
  // Open today whatever the day (a holiday would refuse today's pickup plans).
  const jstToday = new Date(Date.now() + 9 * 3600e3).toISOString().slice(0, 10);
  await q('mutation($n:ID!,$d:Date!){setCalendarDay(nurseryId:$n,date:$d,open:true,note:"テスト"){open}}', { n: n.id, d: jstToday });
  const room = (await q('mutation($n:ID!){createClassroom(nurseryId:$n,name:"ひよこ組",ageBand:2){id}}', { n: n.id })).createClassroom;
  const other = (await q('mutation($n:ID!){createClassroom(nurseryId:$n,name:"りす組",ageBand:3){id}}', { n: n.id })).createClassroom;
  const family = async () => (await q('mutation($n:ID!){createFamily(nurseryId:$n){id}}', { n: n.id })).createFamily.id;
  const famA = await family();
  const famB = await family();
  const user = async (email, displayName, role, scopeId) => {
    await q(
      'mutation($e:String!,$p:String!,$d:String!,$r:Role!,$s:ID){createUser(email:$e,password:$p,displayName:$d,role:$r,scopeId:$s){id}}',
      { e: email, p: PASSWORD, d: displayName, r: role, s: scopeId },
    );
    return email;
  };
  const world = {
    nurseryId: n.id,
    classroomId: room.id,
    otherClassroomId: other.id,
    guardianA1: await user('mother@e2e.test', '佐藤 美咲', 'GUARDIAN', famA),
    guardianA2: await user('father@e2e.test', '佐藤 健太', 'GUARDIAN', famA),
    guardianB: await user('other@e2e.test', '鈴木 彩', 'GUARDIAN', famB),
    staff: await user('teacher@e2e.test', '大塚 智子', 'STAFF', n.id),
    staff2: await user('teacher2@e2e.test', '小野 優子', 'STAFF', n.id),
    head: await user('head@e2e.test', '園長 先生', 'NURSERY_ADMIN', n.id),
    children: {},
  };
  for (const [i, name] of CHILD_NAMES.entries()) {
    const familyId = i < 2 ? famA : i === 2 ? famB : await family();
    const child = (
      await q('mutation($f:ID!,$c:ID!,$n:String!,$b:Date!){enrollChild(familyId:$f,classroomId:$c,name:$n,birthDate:$b){id}}', {
        f: familyId,
        c: i === 7 ? other.id : room.id,
        n: name,
        b: '2022-05-10',
      })
    ).enrollChild;
    world.children[name.split(' ')[1]] = child.id;
  }
  // Growth and a published notebook page for はな, so those screens have something to show.
  const teacher = await login(base, world.staff);
  const hana = world.children['はな'];
  const months = ['2025-01-10', '2025-02-10', '2025-03-10', '2025-04-10', '2025-05-10', '2025-06-10'];
  for (const [i, measuredOn] of months.entries()) {
    await gql(base, 'mutation($i:GrowthInput!){recordGrowth(input:$i){id}}', { i: { childId: hana, measuredOn, heightCm: 88 + i * 0.8, weightKg: 12 + i * 0.2 } }, teacher);
  }
  const today = new Date(Date.now() + 9 * 3600e3).toISOString().slice(0, 10);
  const page = (
    await gql(
      base,
      'mutation($i:JournalDraftInput!){saveJournalDraft(input:$i){id}}',
      { i: { kind: 'CONTACT_NOTEBOOK', childId: hana, periodStart: today, periodEnd: today, body: JSON.stringify({ nursery: { activities: '園庭で砂遊びをしました。', meals: '給食は完食です。', message: '元気に過ごしました。' } }) } },
      teacher,
    )
  ).saveJournalDraft;
  await gql(base, 'mutation($id:ID!){publishJournal(id:$id){id}}', { id: page.id }, teacher);
  return world;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function newContext(browser, base, { width = 375, height = 667, locale = 'ja-JP' } = {}) {
  return browser.newContext({ baseURL: base, viewport: { width, height }, locale, timezoneId: 'America/Los_Angeles', serviceWorkers: 'allow' });
}

/** Logs in through the login form, as a person would. */
export async function uiLogin(page, email) {
  await page.goto('/');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('.bar');
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

export function psql(sql) {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], { stdio: 'pipe' });
}
