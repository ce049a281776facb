// Browser scenarios of the day's safety screens (issue 18): a teacher undoes a mistaken
// check-out and check-in on the tablet, with a reason, and the family's phone follows live;
// axe and a screenshot of the dialog.
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
}
