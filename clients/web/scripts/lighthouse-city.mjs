// Lighthouse 12.2.3 (the package pinned in package.json, mobile emulation) on the staff roster, the nap
// screen and the city officer's dashboard of a seeded city, against the real server:
//
//     tsunagu --database-url sqlite:///tmp/city.db seed-city --nurseries 60 --children-per-nursery 100 --days 40
//     CITY_DB=sqlite:///tmp/city.db CITY=city-XXXX node scripts/lighthouse-city.mjs
//
// CITY is the domain part seed-city printed (officer@CITY.city.tsunagu.jp). Logged in through
// the app in a Chromium profile that Lighthouse then drives (its storage kept), so the
// screens measured are the ones a user opens. Prints each score with the metrics behind it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

import { startServer } from '../e2e/harness.mjs';

const CITY_PASSWORD = 'tsunagu-demo-2026';
const city = process.env.CITY;
if (!process.env.CITY_DB || !city) throw new Error('set CITY_DB and CITY (see the comment at the top)');
const scratch = mkdtempSync(join(tmpdir(), 'tsunagu-lh-'));
const server = await startServer(process.env.CITY_DB);
const port = 9300 + Math.floor(Math.random() * 500);
const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  baseURL: server.url,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--remote-debugging-port=${port}`],
});

async function loginAs(email) {
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', CITY_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForFunction(() => !!localStorage.getItem('tsunagu.token'));
  await page.close();
}

const runs = (process.env.RUNS ?? '1') | 0;
try {
  for (const [label, email, path] of [
    ['staff roster', `head1@${city}.city.tsunagu.jp`, '/'],
    ['staff nap screen', `head1@${city}.city.tsunagu.jp`, '/care/naps'],
    ['officer dashboard', `officer@${city}.city.tsunagu.jp`, '/'],
  ].filter(([label]) => !process.env.ONLY || label.includes(process.env.ONLY))) {
    await loginAs(email);
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(`${server.url}${path}`, {
        port,
        output: 'json',
        logLevel: 'error',
        disableStorageReset: true,
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      const c = lhr.categories;
      const score = (k) => Math.round((c[k]?.score ?? 0) * 100);
      const a = lhr.audits;
      const metric = (id) => a[id]?.displayValue ?? '?';
      console.log(
        `Lighthouse ${label} (mobile): Performance ${score('performance')}, Accessibility ${score('accessibility')}, Best Practices ${score('best-practices')}` +
          ` — FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`,
      );
      if (process.env.VERBOSE) {
        for (const id of ['render-blocking-resources', 'bootup-time', 'mainthread-work-breakdown', 'long-tasks', 'layout-shifts', 'largest-contentful-paint-element', 'critical-request-chains', 'dom-size', 'network-requests']) {
          const audit = a[id];
          if (!audit) continue;
          console.log(`  ${id}: ${audit.displayValue ?? ''} ${JSON.stringify(audit.details?.items?.slice(0, 8) ?? audit.details?.chains ?? '').slice(0, 1500)}`);
        }
      }
    }
  }
} finally {
  await context.close();
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}
