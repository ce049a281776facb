// `npm run budgets`: the JavaScript each first screen downloads (gzip), and Lighthouse 12.2.3
// (mobile emulation) on the guardian home, the staff roster, the nap screen and the officer's
// dashboard, against the real server; and the gzip size of each later screen group.
// Prints figures; the budgets are 50 KB (guardian) and 80 KB (staff) gzip, and
// Lighthouse Performance ≥ 90, Accessibility ≥ 95, Best Practices ≥ 95 (the median of
// LH_RUNS runs, default 3).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

import { ADMIN, buildWorld, gql, login, PASSWORD, startServer, uiLogin } from '../e2e/harness.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'tsunagu-budgets-'));
const server = await startServer(`sqlite://${scratch}/budgets.db`);
const port = 9300 + Math.floor(Math.random() * 500);
const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  baseURL: server.url,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--remote-debugging-port=${port}`],
});
let failed = false;
try {
  const world = await buildWorld(server.url);

  async function jsOf(email, check, path = '/', ready = null) {
    const page = await context.newPage();
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await uiLogin(page, email);
    if (check) await check(page);
    // A fresh load of the first screen, logged in, no service worker cache.
    const js = new Map();
    page.on('response', async (response) => {
      if (response.url().endsWith('.js') && !response.url().endsWith('/sw.js')) js.set(response.url(), await response.body());
    });
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      for (const k of await caches.keys()) await caches.delete(k);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (path === '/') await page.reload();
    else await page.goto(path);
    await page.waitForSelector(ready ?? (check ? '[data-testid=tile]' : '[data-testid=child-card]'), { state: 'attached' });
    await page.waitForLoadState('networkidle');
    const total = [...js.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    await page.close();
    return total;
  }

  const guardianJs = await jsOf(world.guardianA1);
  const staffJs = await jsOf(world.head, async (page) => {
    await page.waitForSelector('[data-testid=tile]');
  });
  console.log(`JavaScript, gzip: guardian first screen ${(guardianJs / 1024).toFixed(1)} KB (budget 50), staff roster ${(staffJs / 1024).toFixed(1)} KB (budget 80)`);
  if (guardianJs > 50 * 1024 || staffJs > 80 * 1024) failed = true;

  // The screens of part two, each group a chunk loaded on demand (a fresh load of that screen).
  const admin = await login(server.url, ADMIN);
  const m = (await gql(server.url, 'query($n:ID!){nursery(id:$n){municipality{id}}}', { n: world.nurseryId }, admin)).nursery.municipality.id;
  await gql(server.url, 'mutation($p:String!,$s:ID){createUser(email:"officer@budgets.test",password:$p,displayName:"市 職員",role:MUNICIPAL_OFFICER,scopeId:$s){id}}', { p: PASSWORD, s: m }, admin);
  const pickRoom = async (page) => {
    await page.waitForSelector('[data-testid=tile]');
  };
  const groups = [
    ['staff care screens (/care/naps)', world.head, pickRoom, '/care/naps', '[data-testid=nap-grid]'],
    ['staff journal screens (/journals)', world.head, pickRoom, '/journals', '[data-testid=new-diary]'],
    ['officer dashboard (/)', 'officer@budgets.test', null, '/', '[data-testid=officer-table], .muted'],
  ];
  for (const [label, email, check, path, ready] of groups) {
    const size = await jsOf(email, check, path, ready);
    console.log(`JavaScript, gzip: ${label} ${(size / 1024).toFixed(1)} KB`);
  }

  for (const [label, email, path = '/'] of [
    ['guardian home', world.guardianA1],
    ['staff roster', world.head],
    ['staff nap screen', world.head, '/care/naps'],
    ['officer dashboard', 'officer@budgets.test'],
  ]) {
    const page = await context.newPage();
    await page.goto('/settings').catch(() => {});
    await page.evaluate(() => localStorage.clear());
    await uiLogin(page, email);
    await page.close();
    // Lighthouse varies from run to run (more so on a shared machine): LH_RUNS runs (default
    // 3), the run with the median performance score reported, every score listed.
    const runs = [];
    for (let i = 0; i < Math.max(1, Number(process.env.LH_RUNS ?? 3)); i++) {
      runs.push(
        await lighthouse(`${server.url}${path}`, {
          port,
          output: 'json',
          logLevel: 'error',
          disableStorageReset: true,
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        }),
      );
    }
    const perf = (r) => r.lhr.categories.performance?.score ?? 0;
    const sorted = [...runs].sort((a, b) => perf(a) - perf(b));
    const result = sorted[Math.floor(sorted.length / 2)];
    const c = result.lhr.categories;
    const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
    const all = runs.length > 1 ? ` (runs: ${runs.map((r) => Math.round(perf(r) * 100)).join(', ')})` : '';
    console.log(`Lighthouse ${label} (mobile): Performance ${score('performance')}${all}, Accessibility ${score('accessibility')}, Best Practices ${score('best-practices')}`);
    // LH_JSON_DIR=dir keeps each full report (long tasks, main-thread breakdown…) for a closer look.
    if (process.env.LH_JSON_DIR) writeFileSync(join(process.env.LH_JSON_DIR, `${label.replace(/\W+/g, '-')}.json`), JSON.stringify(result.lhr));
    // The metrics behind the performance score, so a low one says what to look at.
    const metric = (id, name) => `${name} ${result.lhr.audits[id]?.displayValue ?? '?'}`;
    console.log(`  ${[metric('first-contentful-paint', 'FCP'), metric('largest-contentful-paint', 'LCP'), metric('total-blocking-time', 'TBT'), metric('cumulative-layout-shift', 'CLS'), metric('speed-index', 'SI')].join(', ')}`);
    for (const audit of Object.values(result.lhr.audits)) {
      if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary') console.log(`  - ${audit.id}: ${audit.title}`);
    }
  }
} finally {
  await context.close();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
