// Browser scenarios of the app's second part (issue 19): care records on the tablet (health
// check with fever reaching the family live, a whole-class meal with one exception, nap checks
// turning red and alerting another staff screen, offline nap checks), growth outliers, the
// contact notebook, the diary's conflict screen and approval, the officer's figures, and axe
// plus screenshots of every new screen. Called by run.mjs with its open pages.
import assert from 'node:assert/strict';

import { gql, login, newContext, shot, uiLogin, ADMIN } from './harness.mjs';

const jstToday = () => new Date(Date.now() + 9 * 3600e3).toISOString().slice(0, 10);

export async function careScenarios({ scenario, checkA11y, browser, base, world, staff, a1, screenshots, backend }) {
  const { はな: hana, ゆい: yui, そら: sora, れん: ren, めい: mei, りく: riku } = world.children;
  const admin = await login(base, ADMIN);
  const teacher = await login(base, world.staff);
  const municipalityId = (await gql(base, 'query($n:ID!){nursery(id:$n){municipality{id}}}', { n: world.nurseryId }, admin)).nursery.municipality.id;
  // A second tablet, on the roster, to see alerts raised by the first.
  const tablet2 = await newContext(browser, base, { width: 1280, height: 800 });
  const other = await tablet2.newPage();
  await uiLogin(other, world.staff2);
  await other.getByRole('button', { name: /ひよこ組/ }).click();
  await other.waitForSelector('[data-testid=roster]');

  await scenario('health check: the pad types a fever, flagged at once; the family sees it live', async () => {
    await a1.goto(`/children/${hana}`);
    await a1.getByTestId('care-today').waitFor();
    await staff.goto('/care/health');
    await staff.locator(`[data-testid=health-child][data-child="${hana}"]`).click();
    for (const key of ['3', '8', '2']) await staff.getByTestId('health-form').getByRole('button', { name: key, exact: true }).click();
    assert.match((await staff.getByTestId('temp-display').innerText()).replace(/\s/g, ''), /38\.2℃$/);
    await staff.getByTestId('fever-flag').waitFor();
    await staff.getByTestId('health-save').click();
    await staff.locator(`[data-testid=health-child][data-child="${hana}"][data-fever=true]`).waitFor();
    // The family: a calm notice and the temperature in the day, live, no reload.
    await a1.getByTestId('notice').waitFor({ timeout: 20_000 });
    await a1.getByTestId('care-today').getByText(/38\.2/).waitFor({ timeout: 20_000 });
    // The form moved on to the next child not yet checked: the whole class in a row.
    assert.doesNotMatch(await staff.getByTestId('health-form').locator('h2').innerText(), /はな/);
    const checks = await gql(base, 'query($c:ID!,$d:Date!){child(id:$c){healthChecks(from:$d,to:$d){temperatureC fever}}}', { c: hana, d: jstToday() }, teacher);
    assert.deepEqual(checks.child.healthChecks.filter((h) => h.temperatureC === 38.2).map((h) => h.fever), [true]);
  });

  await scenario('another tablet’s health check appears on this one live, no reload (the careRecords feed, not the poll)', async () => {
    await staff.goto('/care/health');
    await staff.locator(`[data-testid=health-child][data-child="${riku}"]`).waitFor();
    const marker = await staff.evaluate(() => (window.__notReloaded = true));
    await other.goto('/care/health');
    await other.locator(`[data-testid=health-child][data-child="${riku}"]`).click();
    for (const key of ['3', '6', '7']) await other.getByTestId('health-form').getByRole('button', { name: key, exact: true }).click();
    await other.getByTestId('health-save').click();
    // Well inside the 15 s fallback poll, which does not run while the socket is up anyway.
    await staff.locator(`[data-testid=health-child][data-child="${riku}"]`).getByText(/36\.7/).waitFor({ timeout: 10_000 });
    assert.equal(await staff.evaluate(() => window.__notReloaded), marker, 'the page was not reloaded');
    await other.goto('/');
    await other.waitForSelector('[data-testid=roster]');
  });

  await scenario('meals: everyone ate all, then one exception; allergens on every tile', async () => {
    await gql(base, 'mutation($c:ID!){setChildAllergies(childId:$c,allergens:["卵","小麦"]){id}}', { c: ren }, teacher);
    await staff.goto('/care/meals');
    await staff.getByRole('button', { name: /^(昼食|Lunch)$/ }).click();
    await staff.locator(`[data-testid=meal-tile][data-child="${ren}"]`).getByText(/卵・小麦/).waitFor({ timeout: 20_000 });
    await staff.getByTestId('all-ate').click();
    for (const id of [ren, mei, riku]) await staff.locator(`[data-testid=meal-tile][data-child="${id}"][data-amount=ALL][data-pending=false]`).waitFor();
    await staff.locator(`[data-testid=meal-tile][data-child="${mei}"]`).getByRole('button', { name: /^(半分|Half)$/ }).click();
    await staff.locator(`[data-testid=meal-tile][data-child="${mei}"][data-amount=HALF][data-pending=false]`).waitFor();
    const meals = async (c) => (await gql(base, 'query($c:ID!,$d:Date!){child(id:$c){meals(from:$d,to:$d){meal amount allergies}}}', { c, d: jstToday() }, teacher)).child.meals;
    assert.deepEqual((await meals(mei)).map((m) => [m.meal, m.amount]), [['LUNCH', 'HALF']]);
    assert.deepEqual((await meals(ren)).map((m) => [m.meal, m.amount, m.allergies.join()]), [['LUNCH', 'ALL', '卵,小麦']]);
    assert.equal((await meals(hana)).filter((m) => m.meal === 'LUNCH').length, 0, 'a child gone home is not served');
  });

  await scenario('nap checks: a countdown per child, overdue turns red and alerts another tablet; face down asks first; offline checks queue', async () => {
    await gql(base, 'mutation($s:ID!){setNapCheckInterval(scopeId:$s,ageBand:2,seconds:6)}', { s: world.nurseryId }, admin);
    await staff.goto('/care/naps');
    const napTile = (id) => staff.locator(`[data-testid=nap-tile][data-child="${id}"]`);
    await napTile(ren).getByRole('button', { name: /仰向け|On back/ }).click();
    await napTile(ren).getByText(/次のチェックまで|Next check in|チェック遅れ|overdue/).waitFor();
    await staff.locator(`[data-testid=nap-tile][data-child="${ren}"][data-state=overdue]`).waitFor({ timeout: 30_000 });
    await other.getByTestId('care-alerts').getByText(/午睡チェック遅れ: 田中 れん/).waitFor({ timeout: 30_000 });
    // Face down: a confirmation, then an alert at once on the other tablet.
    await napTile(mei).getByRole('button', { name: /うつぶせ|Face down/ }).click();
    await staff.getByTestId('confirm').getByRole('button', { name: /うつぶせで記録|Record face down/ }).click();
    await other.getByTestId('care-alerts').getByText(/うつぶせ寝: 高橋 めい/).waitFor({ timeout: 20_000 });
    // Offline: the check queues with its key, the countdown restarts on the tablet.
    await staff.context().setOffline(true);
    await napTile(ren).getByRole('button', { name: /横向き|On side/ }).click();
    await staff.getByTestId('pending-count').waitFor();
    await staff.locator(`[data-testid=nap-tile][data-child="${ren}"][data-state=sleeping]`).waitFor();
    await staff.context().setOffline(false);
    await staff.getByTestId('pending-count').waitFor({ state: 'detached', timeout: 30_000 });
    const checks = (await gql(base, 'query($c:ID!,$d:Date!){child(id:$c){napChecks(from:$d,to:$d){position breathingOk}}}', { c: ren, d: jstToday() }, teacher)).child.napChecks;
    assert.deepEqual(checks.map((c) => c.position), ['BACK', 'SIDE']);
    for (const id of [ren, mei]) await napTile(id).getByRole('button', { name: /起きた|Woke up/ }).click();
    for (const id of [ren, mei]) await staff.locator(`[data-testid=nap-tile][data-child="${id}"][data-state=awake]`).waitFor({ timeout: 20_000 });
    await gql(base, 'mutation($s:ID!){setNapCheckInterval(scopeId:$s,ageBand:2,seconds:null)}', { s: world.nurseryId }, admin);
  });

  await scenario('growth: a value far from the last is flagged for a second look before saving', async () => {
    await staff.goto('/care/growth');
    const row = staff.locator(`[data-testid=growth-row][data-child="${hana}"]`);
    await row.getByRole('textbox', { name: /身長|Height/ }).fill('85.0');
    await row.getByRole('button', { name: /保存|Save/ }).click();
    await staff.getByTestId('growth-warning').waitFor();
    const count = async () => (await gql(base, 'query($c:ID!){child(id:$c){growth{heightCm flaggedForReview}}}', { c: hana }, teacher)).child.growth;
    assert.equal((await count()).length, 6, 'not saved before the second look');
    await staff.getByTestId('growth-warning').getByRole('button', { name: /このまま保存|Save anyway/ }).click();
    await row.getByText(/保存しました|Saved/).waitFor();
    const after = await count();
    assert.equal(after.length, 7);
    assert.deepEqual(after[6], { heightCm: 85, flaggedForReview: true });
  });

  await scenario('growth offline: a measurement queues with its key and is recorded once when back', async () => {
    await staff.goto('/care/growth');
    const row = staff.locator(`[data-testid=growth-row][data-child="${yui}"]`);
    await row.waitFor();
    await staff.context().setOffline(true);
    await row.getByRole('textbox', { name: /身長|Height/ }).fill('90.1');
    await row.getByRole('textbox', { name: /体重|Weight/ }).fill('12.4');
    await row.getByRole('button', { name: /保存|Save/ }).click();
    await staff.locator(`[data-testid=growth-row][data-child="${yui}"][data-pending=true]`).waitFor();
    await staff.getByTestId('pending-count').waitFor();
    await staff.context().setOffline(false);
    await staff.getByTestId('pending-count').waitFor({ state: 'detached', timeout: 30_000 });
    await staff.locator(`[data-testid=growth-row][data-child="${yui}"][data-pending=false]`).getByText(/保存しました|Saved/).waitFor();
    const growth = (await gql(base, 'query($c:ID!){child(id:$c){growth{measuredOn heightCm weightKg}}}', { c: yui }, teacher)).child.growth;
    assert.deepEqual(growth, [{ measuredOn: jstToday(), heightCm: 90.1, weightKg: 12.4 }], 'recorded exactly once');
  });

  await scenario('contact notebook: the family writes, the teacher fills from the day’s records, publishes; the family reads it', async () => {
    const guardian = await login(base, world.guardianA1);
    const date = jstToday();
    await gql(base, 'mutation($i:JournalDraftInput!){saveJournalDraft(input:$i){id}}', { i: { kind: 'CONTACT_NOTEBOOK', childId: yui, periodStart: date, periodEnd: date, body: JSON.stringify({ home: { sleep: '21時〜6時', message: '咳が少し出ています。' } }) } }, guardian);
    await gql(base, 'mutation($c:ID!){recordHealthCheck(input:{childId:$c,temperatureC:36.9}){id}}', { c: yui }, teacher);
    await staff.goto('/notebook');
    await staff.locator(`[data-testid=notebook-row][data-child="${yui}"]`).getByRole('link').click();
    await staff.getByTestId('home-side').getByText('咳が少し出ています。').waitFor();
    await staff.getByTestId('prefill').click();
    await staff.waitForFunction(() => /36\.9/.test(document.querySelector('textarea[name=temperature]')?.value ?? ''));
    await staff.fill('textarea[name=message]', '午後は元気に遊びました。');
    await staff.getByTestId('save-state').getByText(/保存済み|Saved/).waitFor({ timeout: 20_000 });
    await staff.getByRole('button', { name: /保護者に公開|Publish/ }).click();
    await staff.locator('[data-testid=journal-editor][data-status=PUBLISHED]').waitFor();
    await a1.goto(`/children/${yui}/notebook`);
    await a1.getByText('午後は元気に遊びました。').waitFor({ timeout: 20_000 });
    await a1.getByText(/36\.9/).first().waitFor();
  });

  await scenario('diary: edited in two contexts, the second save shows the conflict, merged, nothing lost; submit, the head approves, read-only', async () => {
    const second = await (await newContext(browser, base, { width: 1280, height: 800 })).newPage();
    await uiLogin(second, world.staff2);
    await second.getByRole('button', { name: /ひよこ組/ }).click();
    await second.waitForSelector('[data-testid=roster]');
    await staff.goto('/journals');
    await staff.getByTestId('new-diary').click();
    await staff.getByTestId('journal-editor').waitFor();
    assert.match(await staff.locator('textarea[name=attendanceSummary]').inputValue(), /在籍/);
    const url = staff.url();
    await second.goto(url);
    await second.getByTestId('journal-editor').waitFor();
    await staff.fill('textarea[name=activities]', '園庭で砂遊び。');
    await staff.getByTestId('save-state').getByText(/版 2|version 2/).waitFor({ timeout: 20_000 });
    await second.fill('textarea[name=observations]', 'れんが友だちに玩具を貸した。');
    await second.getByTestId('conflict').waitFor({ timeout: 20_000 });
    await second.getByTestId('conflict-theirs').getByText('園庭で砂遊び。').waitFor();
    await second.getByTestId('conflict-mine').getByText('れんが友だちに玩具を貸した。').waitFor();
    await second.getByTestId('conflict').getByRole('button', { name: /統合|Merge/ }).click();
    await second.getByTestId('save-state').getByText(/版 3|version 3/).waitFor({ timeout: 20_000 });
    const id = decodeURIComponent(url.split('/journals/')[1]);
    const body = JSON.parse((await gql(base, 'query($id:ID!){journal(id:$id){body}}', { id }, teacher)).journal.body);
    assert.equal(body.activities, '園庭で砂遊び。');
    assert.equal(body.observations, 'れんが友だちに玩具を貸した。');
    await second.getByRole('button', { name: /提出する|Submit/ }).click();
    await second.locator('[data-testid=journal-editor][data-status=SUBMITTED]').waitFor();
    await second.context().close();
    const headCtx = await newContext(browser, base, { width: 1280, height: 800 });
    const head = await headCtx.newPage();
    await uiLogin(head, world.head);
    await head.goto('/inbox');
    await head.getByTestId('inbox').getByRole('link').first().click();
    await head.getByRole('button', { name: /承認する|Approve/ }).click();
    await head.locator('[data-testid=journal-editor][data-status=APPROVED]').waitFor();
    assert.equal(await head.locator('textarea[name=activities]').getAttribute('readonly'), '');
    await head.locator('[data-testid=history] li', { hasText: /承認|approved/ }).waitFor({ state: 'attached' });
    await staff.reload();
    await staff.locator('[data-testid=journal-editor][data-status=APPROVED]').waitFor();
    assert.equal(await staff.locator('textarea[name=activities]').getAttribute('readonly'), '');
    await headCtx.close();
  });

  await scenario('plan offline: autosaves kept on the tablet are sent when back; a newer revision meanwhile brings up the conflict screen', async () => {
    const date = jstToday();
    const saveDraft = 'mutation($i:JournalDraftInput!){saveJournalDraft(input:$i){id revision body}}';
    const plan = (await gql(base, saveDraft, { i: { kind: 'GUIDANCE_PLAN', classroomId: world.classroomId, periodStart: date, periodEnd: date, body: JSON.stringify({ aims: '友だちと遊ぶ。' }) } }, teacher)).saveJournalDraft;
    const bodyOf = async () => JSON.parse((await gql(base, 'query($id:ID!){journal(id:$id){body revision}}', { id: plan.id }, teacher)).journal.body);
    await staff.goto(`/journals/${encodeURIComponent(plan.id)}`);
    await staff.locator('[data-testid=journal-editor][data-revision="1"]').waitFor();
    // Offline: the text is kept and the editor says it will save when the connection is back.
    await staff.context().setOffline(true);
    await staff.fill('textarea[name=content]', '水遊び（オフラインで入力）');
    await staff.getByTestId('save-state').getByText(/オフライン|Offline/).waitFor({ timeout: 20_000 });
    await staff.context().setOffline(false);
    await staff.getByTestId('save-state').getByText(/版 2|version 2/).waitFor({ timeout: 30_000 });
    assert.equal((await bodyOf()).content, '水遊び（オフラインで入力）');
    // Offline again; meanwhile someone else saves revision 3. Back online, the tablet's edit
    // (based on revision 2) meets it: the conflict screen, both texts, merged, nothing lost.
    await staff.context().setOffline(true);
    await staff.fill('textarea[name=support]', '着替えを手伝う（オフライン）');
    await staff.getByTestId('save-state').getByText(/オフライン|Offline/).waitFor({ timeout: 20_000 });
    const staff2 = await login(base, world.staff2);
    await gql(base, saveDraft, { i: { journalId: plan.id, kind: 'GUIDANCE_PLAN', classroomId: world.classroomId, periodStart: date, periodEnd: date, body: JSON.stringify({ aims: '友だちと遊ぶ。', content: '水遊び（オフラインで入力）', environment: '日よけを張る' }), revision: 2 } }, staff2);
    await staff.context().setOffline(false);
    await staff.getByTestId('conflict').waitFor({ timeout: 30_000 });
    await staff.getByTestId('conflict-mine').getByText('着替えを手伝う（オフライン）').waitFor();
    await staff.getByTestId('conflict-theirs').getByText('日よけを張る').waitFor();
    await staff.getByTestId('conflict').getByRole('button', { name: /統合|Merge/ }).click();
    await staff.getByTestId('save-state').getByText(/版 4|version 4/).waitFor({ timeout: 20_000 });
    const body = await bodyOf();
    assert.equal(body.support, '着替えを手伝う（オフライン）');
    assert.equal(body.environment, '日よけを張る');
    assert.equal(body.content, '水遊び（オフラインで入力）');
    assert.equal(await staff.evaluate((id) => localStorage.getItem(`tsunagu.journalDraft.${id}`), plan.id), null, 'nothing left to send');
  });

  await scenario('officer: the dashboard’s figures equal the GraphQL figures; an infection alert arrives live; no child’s name', async () => {
    const email = `officer-${backend}@e2e.test`;
    await gql(base, 'mutation($e:String!,$p:String!,$s:ID){createUser(email:$e,password:$p,displayName:"市 職員",role:MUNICIPAL_OFFICER,scopeId:$s){id}}', { e: email, p: 'correct-horse-battery-staple-42', s: municipalityId }, admin);
    const officer = await login(base, email);
    await gql(base, 'mutation($m:ID!){setInfectionAlertRule(municipalityId:$m,minChildren:2,windowDays:2){minChildren}}', { m: municipalityId }, officer);
    const ctx = await newContext(browser, base, { width: 1280, height: 800 });
    const page = await ctx.newPage();
    await uiLogin(page, email);
    await page.getByTestId('officer-table').waitFor();
    const to = await page.inputValue('input[name=to]');
    const from = await page.inputValue('input[name=from]');
    const data = await gql(base, 'query($m:ID!,$f:Date!,$t:Date!){nurseryPeriodSummaries(municipalityId:$m,from:$f,to:$t){nursery{id} openDays absentChildDays lateArrivals attendanceRate napCheckCompliance diaryApprovalRate}}', { m: municipalityId, f: from, t: to }, officer);
    const pct = (r) => (r == null ? '—' : `${(r * 100).toFixed(1)}%`);
    for (const s of data.nurseryPeriodSummaries) {
      const row = page.locator(`[data-testid=officer-row][data-nursery="${s.nursery.id}"]`);
      assert.equal(await row.locator('[data-field=openDays]').innerText(), String(s.openDays));
      assert.equal(await row.locator('[data-field=absentChildDays]').innerText(), String(s.absentChildDays));
      assert.equal(await row.locator('[data-field=lateArrivals]').innerText(), String(s.lateArrivals));
      assert.equal(await row.locator('[data-field=attendanceRate]').innerText(), pct(s.attendanceRate));
      assert.match(await row.locator('[data-field=napCheckCompliance]').innerText(), new RegExp(`^${pct(s.napCheckCompliance).replace(/[.%]/g, '\\$&')}`));
      assert.match(await row.locator('[data-field=diaryApprovalRate]').innerText(), new RegExp(`^${pct(s.diaryApprovalRate).replace(/[.%]/g, '\\$&')}`));
    }
    await page.locator('[data-testid=symptom-chart][data-symptom=FEVER]').waitFor();
    // A second child of ひよこ組 absent with fever: a cluster, live on the dashboard.
    const guardianB = await login(base, world.guardianB);
    await gql(base, 'mutation($c:ID!,$d:Date!){reportAbsence(input:{childId:$c,kind:ABSENCE,date:$d,reason:ILLNESS,symptoms:[FEVER]}){id}}', { c: sora, d: jstToday() }, guardianB);
    await page.getByTestId('infection-alert').getByText(/ひよこ組/).waitFor({ timeout: 30_000 });
    const text = await page.locator('main').innerText();
    for (const name of ['はな', 'ゆい', 'そら', 'れん', 'めい']) assert.ok(!text.includes(name), `no child's name (${name})`);
    await checkA11y(page, 'officer dashboard');
    if (screenshots) await shot(page, 'officer-dashboard-ja-1280x800');
    await ctx.close();
    world.officer = email;
  });

  await scenario('accessibility (axe) and screenshots of every new screen, ja and en, phone and tablet', async () => {
    const date = jstToday();
    const diary = (await gql(base, 'query($n:ID!,$d:Date!){journals(nurseryId:$n,kind:DAILY_DIARY,from:$d,to:$d){id}}', { n: world.nurseryId, d: date }, teacher)).journals[0].id;
    const screens = [
      ['care-health', '/care/health', '[data-testid=health-list]'],
      ['care-meals', '/care/meals', '[data-testid=meal-grid]'],
      ['care-naps', '/care/naps', '[data-testid=nap-grid]'],
      ['care-growth', '/care/growth', '[data-testid=class-growth]'],
      ['notebook', '/notebook', '[data-testid=notebook-list]'],
      ['journals', '/journals', '[data-testid=open-diary]'],
      ['diary', `/journals/${diary}`, '[data-testid=journal-editor]'],
      ['inbox', '/inbox', '[data-testid=inbox]'],
      ['overview', '/overview', '[data-testid=ov-days], .muted'],
      ['audit', '/audit', '[data-testid=audit]'],
    ];
    const setLang = async (lang) => {
      for (const email of [world.head, world.officer, world.guardianA1]) await gql(base, `mutation{setLocale(locale:"${lang}"){locale}}`, {}, await login(base, email));
    };
    for (const lang of ['en', 'ja']) {
      await setLang(lang);
      for (const [w, h] of [
        [375, 667],
        [1280, 800],
      ]) {
        const ctx = await newContext(browser, base, { width: w, height: h });
        const page = await ctx.newPage();
        await uiLogin(page, world.head);
        await page.getByRole('button', { name: /ひよこ組/ }).first().click().catch(() => {});
        for (const [name, path, ready] of screens) {
          await page.goto(path);
          await page.waitForSelector(ready, { state: 'attached' });
          await page.waitForLoadState('networkidle').catch(() => {});
          await checkA11y(page, `staff ${name} ${lang} ${w}`);
          if (screenshots) await shot(page, `staff-${name}-${lang}-${w}x${h}`);
        }
        await ctx.close();
        const octx = await newContext(browser, base, { width: w, height: h });
        const officerPage = await octx.newPage();
        await uiLogin(officerPage, world.officer);
        await officerPage.getByTestId('officer-table').waitFor();
        await checkA11y(officerPage, `officer ${lang} ${w}`);
        if (screenshots) await shot(officerPage, `officer-dashboard-${lang}-${w}x${h}`);
        await octx.close();
        const gctx = await newContext(browser, base, { width: w, height: h });
        const phone = await gctx.newPage();
        await uiLogin(phone, world.guardianA1);
        await phone.goto(`/children/${hana}`);
        await phone.getByTestId('care-today').getByText(/38\.2/).waitFor();
        await checkA11y(phone, `guardian care ${lang} ${w}`);
        if (screenshots) await shot(phone, `guardian-care-day-${lang}-${w}x${h}`);
        await gctx.close();
      }
    }
  });

  await tablet2.close();
}
