// Browser scenarios of the day's safety screens (issue 18): a teacher undoes a mistaken
// check-out and check-in on the tablet, with a reason, and the family's phone follows live;
// the head's calendar: a day closed with a note, the week's hours saved, a bad time refused
// at its field; axe and screenshots at tablet and phone size, Japanese and English.
// Called by run.mjs with its open pages (after the other scenarios: it changes the hours).
import assert from 'node:assert/strict';

import { gql, login, newContext, shot, uiLogin, ADMIN, PASSWORD } from './harness.mjs';

const jstToday = () => new Date(Date.now() + 9 * 3600e3).toISOString().slice(0, 10);

/** The first and last dates of the month after the one `date` is in. */
function nextMonth(date) {
  const [y, m] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(y, m + 1, 0));
  return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
}

const weekday = (date) => new Date(`${date}T00:00:00Z`).getUTCDay();

export async function safetyScreenScenarios({ scenario, checkA11y, browser, base, world, staff, screenshots }) {
  const admin = await login(base, ADMIN);
  const q = (query, variables, token = admin) => gql(base, query, variables, token);
  const tile = (page, child) => page.locator(`[data-testid=tile][data-child="${child}"]`);
  const status = (page, child) => page.locator(`[data-testid=child-card][data-child="${child}"] [data-testid=child-status]`);

  await scenario('取り消し: a teacher undoes a check-out, then the check-in, with a reason; tablet and family phone follow live', async () => {
    // A family of its own, so earlier scenarios do not matter.
    const family = (await q('mutation($n:ID!){createFamily(nurseryId:$n){id}}', { n: world.nurseryId })).createFamily.id;
    await q('mutation($p:String!,$f:ID){createUser(email:"undo-parent@e2e.test",password:$p,displayName:"木村 彩",role:GUARDIAN,scopeId:$f){id}}', { p: PASSWORD, f: family });
    const child = (
      await q('mutation($f:ID!,$c:ID!){enrollChild(familyId:$f,classroomId:$c,name:"木村 ひなた",birthDate:"2022-06-01"){id}}', { f: family, c: world.classroomId })
    ).enrollChild.id;
    const phoneContext = await newContext(browser, base);
    const phone = await phoneContext.newPage();
    await uiLogin(phone, 'undo-parent@e2e.test');
    await status(phone, child).getByText('まだ登園していません').waitFor();

    await staff.goto('/');
    await tile(staff, child).click();
    await staff.locator(`[data-testid=tile][data-child="${child}"][data-status=PRESENT][data-pending=false]`).waitFor();
    await status(phone, child).getByText(/^登園 \d+:\d\d/).waitFor();
    // Another teacher checks the child out: the tablet shows it live, with an undo.
    await q('mutation($c:ID!){checkOut(input:{childId:$c,pickupBy:"母"}){id}}', { c: child }, await login(base, world.staff2));
    await staff.locator(`[data-testid=tile][data-child="${child}"][data-status=LEFT]`).waitFor();
    await status(phone, child).getByText(/^降園 \d+:\d\d/).waitFor();

    const undo = staff.locator(`[data-testid=undo][data-child="${child}"]`);
    await undo.click();
    const dialog = staff.getByTestId('undo-dialog');
    await dialog.getByRole('heading', { name: '降園の記録を取り消しますか' }).waitFor();
    // The reason is required: nothing is sent without one.
    await dialog.getByRole('button', { name: '取り消す', exact: true }).click();
    await dialog.getByRole('alert').getByText('理由を選ぶか書いてください').waitFor();
    await checkA11y(staff, 'undo dialog (tablet)');
    if (screenshots) await shot(staff, 'undo-dialog-tablet');
    await dialog.getByLabel('取り消す理由（必須）').fill('お迎えはまだ（押し間違い）');
    await dialog.getByRole('button', { name: '取り消す', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await staff.locator(`[data-testid=tile][data-child="${child}"][data-status=PRESENT]`).waitFor();
    await status(phone, child).getByText(/^登園 \d+:\d\d/).waitFor();
    await staff.getByTestId('roster-notice').getByText(/木村 ひなたの降園（\d+:\d\d）を取り消しました/).waitFor();

    // Now the check-in: back to not arrived on the tablet and on the family's phone.
    await undo.click();
    await dialog.getByRole('heading', { name: '登園の記録を取り消しますか' }).waitFor();
    await dialog.getByRole('button', { name: '押し間違い' }).click();
    await dialog.getByRole('button', { name: '取り消す', exact: true }).click();
    await staff.locator(`[data-testid=tile][data-child="${child}"][data-status=NOT_YET]`).waitFor();
    await status(phone, child).getByText('まだ登園していません').waitFor();
    assert.equal(await undo.count(), 0, 'nothing left to undo');

    // The server agrees: nothing stands today, and each correction kept its reason.
    const today = jstToday();
    const day = await q('query($c:ID!,$d:Date!){child(id:$c){attendance(from:$d,to:$d){id kind}}}', { c: child, d: today }, await login(base, world.staff));
    assert.deepEqual(day.child.attendance, []);
    await phoneContext.close();
  });

  await scenario("カレンダー: the head closes a day with a note, sets the week's hours, a bad time is refused at its field", async () => {
    const headToken = await login(base, world.head);
    await q('mutation{setLocale(locale:"ja"){locale}}', {}, headToken);
    const [from, to] = nextMonth(jstToday());
    const month = await q('query($n:ID!,$f:Date!,$t:Date!){nurseryCalendar(nurseryId:$n,from:$f,to:$t){days{date status}}}', { n: world.nurseryId, f: from, t: to }, headToken);
    // An ordinary open weekday (Monday to Friday) and a Saturday that is no holiday.
    const day = month.nurseryCalendar.days.find((d) => d.status === 'OPEN' && weekday(d.date) >= 1 && weekday(d.date) <= 5).date;
    const saturday = month.nurseryCalendar.days.find((d) => weekday(d.date) === 6 && (d.status === 'OPEN' || d.status === 'CLOSED_WEEKDAY')).date;

    const tablet = await newContext(browser, base, { width: 1024, height: 768 });
    const page = await tablet.newPage();
    await uiLogin(page, world.head);
    await page.getByRole('link', { name: 'カレンダー' }).click();
    await page.getByRole('heading', { name: '園のカレンダー' }).waitFor();
    await page.locator('[data-testid=calendar][aria-busy=false]').waitFor();
    await page.getByRole('button', { name: '次の月' }).click();
    const cell = page.locator(`[data-testid=cal-day][data-date="${day}"]`);
    await cell.click();
    const dialog = page.getByTestId('day-dialog');
    await dialog.getByLabel(/メモ/).fill('園内研修のため休園');
    await dialog.getByRole('button', { name: '休園にする' }).click();
    await page.locator(`[data-testid=cal-day][data-date="${day}"][data-status=CLOSURE]`).waitFor();
    await page.locator(`[data-testid=calendar-exceptions] [data-date="${day}"]`).getByText(/休園（園の都合） — 園内研修のため休園/).waitFor();
    await page.getByTestId('calendar-notice').getByText(/休園（園の都合）/).waitFor();
    const stored = await q('query($n:ID!,$d:Date!){nurseryCalendar(nurseryId:$n,from:$d,to:$d){days{status open note}}}', { n: world.nurseryId, d: day }, headToken);
    assert.deepEqual(stored.nurseryCalendar.days, [{ status: 'CLOSURE', open: false, note: '園内研修のため休園' }]);
    await checkA11y(page, 'calendar (tablet)');
    if (screenshots) await shot(page, 'calendar-ja-1024x768');

    // The week: Monday to Friday, 7:30–18:30, the arrival check at 9:45, 20 minutes' grace.
    const hours = page.getByTestId('hours');
    for (const [name, on] of [['月', true], ['火', true], ['水', true], ['木', true], ['金', true], ['土', false], ['日', false]]) {
      // (A chip that is on reads "✓ 月": the check mark is drawn by CSS.)
      const toggle = hours.getByRole('button', { name: new RegExp(`^(✓\\s*)?${name}$`) });
      if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
    }
    await hours.getByLabel('開園', { exact: true }).fill('07:30');
    await hours.getByLabel('閉園', { exact: true }).fill('18:30');
    await hours.getByLabel('登園確認の時刻').fill('09:45');
    await hours.getByLabel('遅刻連絡の猶予（分）').fill('20');
    await hours.getByRole('button', { name: '保存する' }).click();
    await hours.getByTestId('hours-status').getByText('保存しました').waitFor();
    const saved = await q('query($n:ID!,$d:Date!){nurseryCalendar(nurseryId:$n,from:$d,to:$d){hours{openWeekdays opensAt closesAt arrivalCheckAt lateGraceMinutes}}}', { n: world.nurseryId, d: day }, headToken);
    assert.deepEqual(saved.nurseryCalendar.hours, { openWeekdays: [1, 2, 3, 4, 5], opensAt: '07:30:00', closesAt: '18:30:00', arrivalCheckAt: '09:45:00', lateGraceMinutes: 20 });
    // The month follows the week: Saturdays are closed now.
    await page.locator(`[data-testid=cal-day][data-date="${saturday}"][data-status=CLOSED_WEEKDAY]`).waitFor();

    // A check after closing is refused at that field, and nothing changes.
    await hours.getByLabel('登園確認の時刻').fill('20:00');
    await hours.getByRole('button', { name: '保存する' }).click();
    await hours.getByTestId('error-arrivalCheckAt').getByText('登園確認は開園から閉園までの時刻にしてください').waitFor();
    assert.equal(await hours.getByLabel('登園確認の時刻').getAttribute('aria-invalid'), 'true');
    assert.equal(await hours.getByTestId('hours-status').innerText(), '');
    const unchanged = await q('query($n:ID!,$d:Date!){nurseryCalendar(nurseryId:$n,from:$d,to:$d){hours{arrivalCheckAt}}}', { n: world.nurseryId, d: day }, headToken);
    assert.equal(unchanged.nurseryCalendar.hours.arrivalCheckAt, '09:45:00');
    // A grace that is not a number, the same way.
    await hours.getByLabel('登園確認の時刻').fill('09:45');
    await hours.getByLabel('遅刻連絡の猶予（分）').fill('三十');
    await hours.getByRole('button', { name: '保存する' }).click();
    await hours.getByTestId('error-lateGraceMinutes').getByText('猶予は0〜240分で入力してください').waitFor();
    await checkA11y(page, 'calendar hours error (tablet)');
    if (screenshots) await shot(page, 'calendar-hours-error-ja-1024x768');

    // The exception removed: the day is an ordinary open day again.
    await cell.click();
    await dialog.getByRole('button', { name: '通常に戻す' }).click();
    await page.locator(`[data-testid=cal-day][data-date="${day}"][data-status=OPEN]`).waitFor();
    await tablet.close();
  });

  await scenario('カレンダー on a phone and in English: axe and screenshots', async () => {
    const headToken = await login(base, world.head);
    for (const lang of ['ja', 'en']) {
      await q('mutation($l:String!){setLocale(locale:$l){locale}}', { l: lang }, headToken);
      for (const [width, height] of [
        [375, 667],
        [1024, 768],
      ]) {
        const context = await newContext(browser, base, { width, height });
        const page = await context.newPage();
        await uiLogin(page, world.head);
        await page.goto('/calendar');
        await page.locator('[data-testid=calendar][aria-busy=false]').waitFor();
        await page.getByTestId('hours').waitFor();
        await checkA11y(page, `calendar ${lang} ${width}`);
        if (screenshots) await shot(page, `calendar-${lang}-${width}x${height}`);
        // The day dialog too (a Sunday: opening it specially is offered).
        await page.locator('[data-testid=cal-day][data-status=CLOSED_WEEKDAY]').first().click();
        await page.getByTestId('day-dialog').getByRole('button', { name: lang === 'ja' ? '特別に開園する' : 'Open specially' }).waitFor();
        await checkA11y(page, `calendar day dialog ${lang} ${width}`);
        if (screenshots) await shot(page, `calendar-day-${lang}-${width}x${height}`);
        await context.close();
      }
    }
    await q('mutation{setLocale(locale:"ja"){locale}}', {}, headToken);
  });
}
