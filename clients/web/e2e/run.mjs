// The browser suite: guardians' phones and staff tablets in Chromium against the real server,
// on SQLite and on PostgreSQL. `node e2e/run.mjs` (run-tests.sh calls it).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import AxeBuilder from '@axe-core/playwright';

import { accountScenarios } from './accounts.mjs';
import { careScenarios } from './care.mjs';
import { pickupScenarios } from './pickup.mjs';
import { rosterScenarios } from './roster.mjs';
import { safetyScenarios } from './safety.mjs';
import { safetyScreenScenarios } from './safety-screens.mjs';
import { buildWorld, gql, launchBrowser, login, newContext, psql, SHOTS, shot, startServer, uiLogin } from './harness.mjs';

const results = [];
async function scenario(name, fn) {
  // E2E_GREP=regex runs only the scenarios whose name matches it (while working on one).
  if (process.env.E2E_GREP && !new RegExp(process.env.E2E_GREP).test(name)) return;
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    results.push({ name, ok: false });
    console.log(`  ✗ ${name}\n${err.stack ?? err}`);
  }
}

async function checkA11y(page, label) {
  const report = await new AxeBuilder({ page }).analyze();
  const bad = report.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`),
    [],
  );
}

const status = (page, childId) => page.locator(`[data-testid=child-card][data-child="${childId}"] [data-testid=child-status]`);
const tile = (page, childId) => page.locator(`[data-testid=tile][data-child="${childId}"]`);

async function pickClassroom(page, name) {
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.waitForSelector('[data-testid=roster]');
}

async function suite(backend, databaseUrl, { screenshots }) {
  console.log(`\n${backend}:`);
  const server = await startServer(databaseUrl);
  const base = server.url;
  const browser = await launchBrowser();
  try {
    const world = await buildWorld(base);
    const { はな: hana, ゆい: yui, そら: sora, れん: ren, めい: mei, りく: riku } = world.children;

    const phoneA1 = await newContext(browser, base);
    const phoneA2 = await newContext(browser, base);
    const phoneB = await newContext(browser, base);
    const tablet = await newContext(browser, base, { width: 1280, height: 800 });
    const a1 = await phoneA1.newPage();
    const a2 = await phoneA2.newPage();
    const b = await phoneB.newPage();
    const staff = await tablet.newPage();
    await Promise.all([uiLogin(a1, world.guardianA1), uiLogin(a2, world.guardianA2), uiLogin(b, world.guardianB), uiLogin(staff, world.staff)]);
    await pickClassroom(staff, 'ひよこ組');

    await scenario('check-in on the tablet shows 登園 live on both family phones, not on the other family', async () => {
      for (const page of [a1, a2]) await status(page, hana).getByText('まだ登園していません').waitFor();
      await status(b, sora).getByText('まだ登園していません').waitFor();
      await tile(staff, hana).click();
      for (const page of [a1, a2]) await status(page, hana).getByText(/登園 \d+:\d\d（大塚 智子）/).waitFor();
      await staff.locator(`[data-testid=tile][data-child="${hana}"][data-status=PRESENT][data-pending=false]`).waitFor();
      assert.equal(await b.locator(`[data-child="${hana}"]`).count(), 0, 'the other family never sees はな');
      assert.match(await status(b, sora).innerText(), /まだ登園していません/);
    });

    await scenario('absence with symptoms reaches the tablet live; acknowledged, the guardian sees 確認済み', async () => {
      await staff.goto('/reports');
      await staff.getByText('今日の連絡はありません。').waitFor();
      await a1.goto(`/children/${yui}/report`);
      await a1.getByRole('checkbox', { name: '発熱' }).check();
      await a1.getByRole('checkbox', { name: 'せき' }).check();
      await a1.fill('textarea[name=note]', '昨夜から38度あります。');
      await a1.getByRole('button', { name: '送信' }).click();
      await a1.getByText('保育所の確認待ち').waitFor();
      const report = staff.locator('[data-testid=staff-report]', { hasText: '佐藤 ゆい' });
      await report.getByText('発熱・せき').waitFor();
      await report.getByText('昨夜から38度あります。').waitFor();
      await report.getByRole('button', { name: '確認する' }).click();
      await report.getByText(/確認済み \d+:\d\d/).waitFor();
      await a1.getByText(/確認済み \d+:\d\d/).waitFor({ timeout: 20_000 });
      await staff.goto('/');
      await staff.locator(`[data-testid=tile][data-child="${yui}"][data-status=ABSENT]`).getByText('発熱・せき').waitFor();
    });

    await scenario('a report is changed, then withdrawn, before the nursery acknowledges it; the tablet follows live', async () => {
      await staff.goto('/reports');
      await a2.goto(`/children/${hana}/report`);
      await a2.getByRole('radio', { name: '早退・早めのお迎え' }).check();
      await a2.fill('input[name=time]', '15:00');
      await a2.getByRole('radio', { name: '通院' }).check();
      await a2.getByRole('button', { name: '送信' }).click();
      const report = staff.locator('[data-testid=staff-report]', { hasText: '佐藤 はな' });
      await report.getByText('15:00').waitFor();
      // The other parent changes the time from the child's day: the tablet shows it changed.
      await a1.goto(`/children/${hana}`);
      await a1.locator('[data-testid=report]', { hasText: '早退' }).getByRole('link', { name: '変更・取り消し' }).click();
      await a1.getByTestId('report-fixed').getByText('早退・早めのお迎え').waitFor();
      await a1.fill('input[name=time]', '14:30');
      await a1.getByRole('button', { name: '変更を送る' }).click();
      await a1.locator('[data-testid=report]', { hasText: '14:30' }).waitFor();
      await report.getByText('14:30').waitFor();
      await report.getByText(/\d+:\d\d に変更/).waitFor();
      await checkA11y(a1, 'child day with a changeable report (phone)');
      // Then it is not needed after all: withdrawn, it leaves the tablet's list and the phone.
      await a1.locator('[data-testid=report]', { hasText: '早退' }).getByRole('link', { name: '変更・取り消し' }).click();
      await a1.getByRole('button', { name: 'この連絡を取り消す' }).click();
      await a1.getByText('取り消すと、保育所の一覧からこの連絡が消えます。取り消しますか？').waitFor();
      if (screenshots) await shot(a1, 'report-change-phone');
      await a1.getByRole('button', { name: '取り消す', exact: true }).click();
      await a1.locator('[data-testid=report]', { hasText: '早退' }).waitFor({ state: 'detached' });
      await report.waitFor({ state: 'detached', timeout: 20_000 });
      await staff.goto('/');
    });

    await scenario('offline taps are queued, survive a reload, replay once; a refusal is shown', async () => {
      await staff.evaluate(() => navigator.serviceWorker.ready);
      await tablet.setOffline(true);
      // Another tablet checks りく in meanwhile.
      const other = await login(base, world.staff2);
      await gql(base, 'mutation($c:ID!){checkIn(input:{childId:$c}){id}}', { c: riku }, other);
      for (const id of [ren, mei, riku]) await tile(staff, id).click();
      await staff.getByTestId('pending-count').getByText('未送信 3件').waitFor();
      await staff.getByText('オフライン — 接続が戻ると送信します').waitFor();
      assert.equal(await staff.locator('[data-testid=tile][data-pending=true]').count(), 3);
      if (screenshots) await shot(staff, `${backend}-staff-offline-1280x800`);
      await staff.reload();
      await staff.getByTestId('pending-count').getByText('未送信 3件').waitFor();
      assert.equal(await staff.locator('[data-testid=tile][data-pending=true]').count(), 3, 'the queue survived the reload');
      await tablet.setOffline(false);
      await staff.getByTestId('refusals').getByText(/田中 りく|伊藤 りく|りく/).waitFor({ timeout: 30_000 });
      await staff.getByTestId('pending-count').waitFor({ state: 'detached', timeout: 30_000 });
      const token = await login(base, world.staff);
      const today = new Date(Date.now() + 9 * 3600e3).toISOString().slice(0, 10);
      for (const id of [ren, mei, riku]) {
        const data = await gql(base, 'query($c:ID!,$d:Date!){child(id:$c){attendance(from:$d,to:$d){kind}}}', { c: id, d: today }, token);
        assert.deepEqual(data.child.attendance.map((e) => e.kind), ['CHECK_IN'], `one check-in for ${id}`);
      }
      for (const id of [ren, mei, riku]) await staff.locator(`[data-testid=tile][data-child="${id}"][data-status=PRESENT][data-pending=false]`).waitFor();
    });

    await scenario('a guardian offline during the check-out sees it once when back', async () => {
      await a1.goto('/');
      await status(a1, hana).getByText(/登園/).waitFor();
      await phoneA1.setOffline(true);
      await a1.evaluate(() => new Promise((r) => (navigator.onLine ? window.addEventListener('offline', r, { once: true }) : r())));
      await tile(staff, hana).click();
      await staff.getByRole('button', { name: '祖母' }).click();
      await staff.getByRole('button', { name: '降園にする' }).click();
      await staff.locator(`[data-testid=tile][data-child="${hana}"][data-status=LEFT][data-pending=false]`).waitFor();
      await phoneA1.setOffline(false);
      await status(a1, hana).getByText(/降園 \d+:\d\d（お迎え: 祖母）/).waitFor({ timeout: 30_000 });
      const missed = a1.getByTestId('missed');
      await missed.getByText(/はなさんが降園しました/).waitFor();
      assert.equal(await missed.locator('li').count(), 1, 'shown once');
      await missed.getByRole('button', { name: '閉じる' }).click();
      await a1.evaluate(() => window.dispatchEvent(new Event('online')));
      await a1.waitForTimeout(1500);
      assert.equal(await a1.getByTestId('missed').count(), 0, 'not shown again');
    });

    await scenario('push: the service worker shows the check-in in the family language; a tap opens the child’s day', async () => {
      const phone = await newContext(browser, base);
      await phone.grantPermissions(['notifications'], { origin: base });
      const page = await phone.newPage();
      await uiLogin(page, world.guardianB);
      await page.goto('/settings');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Settings' }).waitFor();
      await page.evaluate(() => navigator.serviceWorker.ready);
      const cdp = await phone.newCDPSession(page);
      const registrations = [];
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
      await cdp.send('ServiceWorker.enable');
      await page.waitForFunction(() => true);
      for (let i = 0; i < 50 && !registrations.some((r) => !r.isDeleted); i++) await page.waitForTimeout(100);
      const registration = registrations.find((r) => !r.isDeleted);
      assert.ok(registration, 'service worker registered');
      // Exactly what the server's PushPayload serialises to for a check-in (domain/push.rs).
      const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      const payload = {
        kind: 'ARRIVAL',
        eventId: '0190a000-0000-7000-8000-000000000001',
        childId: sora,
        childName: 'そら',
        title: '登園しました',
        body: 'そらさんが登園しました（8:02）',
        at,
        path: `/children/${sora}/attendance`,
      };
      await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(base).origin, registrationId: registration.registrationId, data: JSON.stringify(payload) });
      let notes = [];
      for (let i = 0; i < 50 && !notes.length; i++) {
        notes = await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, path: n.data?.path })));
        if (!notes.length) await page.waitForTimeout(100);
      }
      assert.equal(notes.length, 1);
      assert.equal(notes[0].title, 'Arrived');
      assert.match(notes[0].body, /^そら arrived at nursery \(\d+:\d\d\)$/);
      const worker = phone.serviceWorkers()[0] ?? (await phone.waitForEvent('serviceworker'));
      await worker.evaluate((path) => self.openNotificationPath(path), notes[0].path);
      await page.waitForURL(`**/children/${sora}/attendance`);
      await page.getByTestId('child-day').waitFor();
      await page.getByRole('heading', { name: '鈴木 そら' }).waitFor();
      await phone.close();
    });

    await scenario('accessibility (axe: no serious or critical) and screenshots of every main screen, ja and en', async () => {
      const guardianScreens = [
        ['home', '/'],
        ['child-day', `/children/${hana}`],
        ['report', `/children/${hana}/report`],
        ['morning', `/children/${hana}/morning`],
        ['notebook', `/children/${hana}/notebook`],
        ['month', `/children/${hana}/month`],
        ['growth', `/children/${hana}/growth`],
        ['settings', '/settings'],
      ];
      const staffScreens = [
        ['roster', '/'],
        ['reports', '/reports'],
        ['staff-settings', '/settings'],
      ];
      for (const lang of ['ja', 'en']) {
        for (const [w, h] of [
          [375, 667],
          [1280, 800],
        ]) {
          const ctx = await newContext(browser, base, { width: w, height: h });
          const page = await ctx.newPage();
          await page.goto('/');
          await page.waitForSelector('input[name=email]');
          if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
          await checkA11y(page, `login ${lang}`);
          if (screenshots) await shot(page, `login-${lang}-${w}x${h}`);
          await uiLogin(page, world.guardianA1);
          for (const [name, path] of guardianScreens) {
            await page.goto(path);
            await page.waitForSelector('main#main');
            await page.waitForLoadState('networkidle').catch(() => {});
            if (name === 'growth') await page.waitForSelector('svg.chart');
            if (name === 'notebook') await page.waitForSelector('[data-testid=notebook-page]');
            if (name === 'home') await page.waitForSelector('[data-testid=child-card]');
            await checkA11y(page, `guardian ${name} ${lang} ${w}`);
            if (screenshots) await shot(page, `guardian-${name}-${lang}-${w}x${h}`);
          }
          await page.goto('/settings');
          await page.getByRole('button', { name: /ログアウト|Log out/ }).click();
          await page.waitForSelector('input[name=email]');
          await uiLogin(page, world.head);
          for (const [name, path] of staffScreens) {
            await page.goto(path);
            await page.waitForSelector('main#main');
            if (name === 'roster') await page.waitForSelector('[data-testid=tile]');
            await page.waitForLoadState('networkidle').catch(() => {});
            await checkA11y(page, `staff ${name} ${lang} ${w}`);
            if (screenshots) await shot(page, `staff-${name}-${lang}-${w}x${h}`);
          }
          await ctx.close();
        }
        // The language is the account's: switch guardian A1 and the head for the English round.
        if (lang === 'ja') {
          for (const email of [world.guardianA1, world.head]) {
            await gql(base, 'mutation{setLocale(locale:"en"){locale}}', {}, await login(base, email));
          }
        }
      }
    });

    await scenario('a care alert (fever) arrives live as a banner on the staff tablet', async () => {
      // The tablet has been open (and subscribed) since the first scenario: no reload here.
      const token = await login(base, world.staff2);
      await gql(base, 'mutation($c:ID!){recordHealthCheck(input:{childId:$c,temperatureC:38.6}){id}}', { c: mei }, token);
      await staff.getByTestId('care-alerts').getByText(/発熱: 高橋 めい 38.6℃/).waitFor();
      await staff.getByRole('link', { name: /^連絡\s*\d*$/ }).click();
      await staff.getByTestId('reports').waitFor();
      await staff.getByTestId('care-alerts').getByText(/高橋 めい/).waitFor();
    });

    await scenario('logout ends the session and the app returns to the login form', async () => {
      await b.goto('/settings');
      const tokenBefore = await b.evaluate(() => localStorage.getItem('tsunagu.token'));
      await b.getByRole('button', { name: /ログアウト|Log out/ }).click();
      await b.waitForSelector('input[name=email]');
      await assert.rejects(gql(base, '{me{user{id}}}', {}, tokenBefore), /UNAUTHENTICATED/);
      assert.equal(await b.evaluate(() => localStorage.getItem('tsunagu.token')), null);
    });

    await careScenarios({ scenario, checkA11y, browser, base, world, staff, a1, screenshots, backend });
    await accountScenarios({ scenario, checkA11y, browser, base, world, screenshots });
    await safetyScenarios({ scenario, checkA11y, browser, base, world, staff, screenshots });
    await pickupScenarios({ scenario, checkA11y, base, world, staff, a1, screenshots });
    await rosterScenarios({ scenario, checkA11y, browser, base, world, screenshots });
    await safetyScreenScenarios({ scenario, checkA11y, browser, base, world, staff, screenshots });
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'tsunagu-web-e2e-'));
  try {
    await suite('sqlite', `sqlite://${scratch}/e2e.db`, { screenshots: true });
    if (process.env.E2E_ONLY !== 'sqlite') await postgresRound();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - failed.length} passed, ${failed.length} failed. Screenshots: ${SHOTS}`);
  process.exit(failed.length ? 1 : 0);
}

/** The same scenarios on a scratch PostgreSQL database, when one is reachable. */
async function postgresRound() {
  let pg = null;
  const name = `tsunagu_web_e2e_${process.pid}`;
  try {
    psql(`CREATE DATABASE ${name}`);
    pg = `postgres://postgres@127.0.0.1:5432/${name}`;
  } catch (err) {
    if (process.env.REQUIRE_POSTGRES === '1') throw err;
    console.log('\nNOTICE: PostgreSQL at 127.0.0.1:5432 unreachable: the PostgreSQL round is skipped (REQUIRE_POSTGRES=1 makes this an error).');
  }
  if (pg) {
    try {
      await suite('postgres', pg, { screenshots: false });
    } finally {
      try {
        psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch {
        /* left for the next run */
      }
    }
  }
}

await main();
