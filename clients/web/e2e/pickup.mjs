// Browser scenarios of the pickup plan (お迎え, issue 18): a guardian adds grandma to the
// family's list and sets today's pick-up on the phone; the staff tablet's roster shows it live
// (not yet confirmed); a teacher confirms grandma and checks the child out, the dialog offering
// her first; someone typed in instead is recorded with a warning live to the tablet. Axe and
// screenshots at phone and tablet size. Called by run.mjs with its open pages.
import assert from 'node:assert/strict';

import { gql, login, shot, ADMIN } from './harness.mjs';

const jstToday = () => new Date(Date.now() + 9 * 3600e3).toISOString().slice(0, 10);

export async function pickupScenarios({ scenario, checkA11y, base, world, staff, a1, screenshots }) {
  const admin = await login(base, ADMIN);
  const teacher = await login(base, world.staff);
  const head = await login(base, world.head);
  const q = (query, variables, token = admin) => gql(base, query, variables, token);
  // A child of family A of its own (the guardian's phone shows it), so earlier scenarios'
  // check-ins and check-outs do not matter.
  const family = (await q('query($c:ID!){child(id:$c){family{id}}}', { c: world.children['はな'] }, teacher)).child.family.id;
  const enroll = async (name) =>
    (await q('mutation($f:ID!,$c:ID!,$n:String!){enrollChild(familyId:$f,classroomId:$c,name:$n,birthDate:"2022-08-01"){id}}', { f: family, c: world.classroomId, n: name })).enrollChild.id;
  const hinata = await enroll('佐藤 ひなた');
  const aoi = await enroll('佐藤 あおい');
  // Plans are for open days: the head opens today whatever the weekday or holiday.
  await q('mutation($n:ID!,$d:Date!){setCalendarDay(nurseryId:$n,date:$d,open:true,note:"テスト"){open}}', { n: world.nurseryId, d: jstToday() }, head);
  for (const child of [hinata, aoi]) await q('mutation($c:ID!){checkIn(input:{childId:$c}){id}}', { c: child }, teacher);
  const tile = (child) => staff.locator(`[data-testid=tile][data-child="${child}"]`);
  const card = (child) => a1.locator(`[data-testid=child-card][data-child="${child}"]`);

  await scenario('お迎え (pickup): a guardian sets today’s pick-up on the phone; the staff tablet shows it live', async () => {
    await staff.goto('/');
    await tile(hinata).waitFor();
    await a1.goto('/');
    // One tap from the child's card.
    await card(hinata).getByTestId('pickup-link').click();
    await a1.getByRole('heading', { name: 'お迎えできる人' }).waitFor();
    const list = a1.getByTestId('pickup-list');
    await list.getByLabel('お名前').fill('佐藤 花子');
    await list.getByLabel('続柄').fill('祖母');
    await list.getByLabel('電話番号').fill('090-1234-5678');
    await list.getByRole('button', { name: '登録する' }).click();
    await list.getByTestId('pickup-person').filter({ hasText: '佐藤 花子' }).getByText('確認待ち').waitFor();

    const plan = a1.getByTestId('pickup-plan');
    await plan.getByLabel('お迎えの時刻').fill('17:30');
    await plan.getByRole('radio', { name: /佐藤 花子（祖母）/ }).check();
    await plan.getByRole('button', { name: 'お迎えを知らせる' }).click();
    await plan.getByRole('status').getByText('保育所に伝えました').waitFor();
    await plan.getByTestId('plan-now').getByText('お迎え 17:30 佐藤 花子').waitFor();
    await checkA11y(a1, 'pickup (phone)');
    if (screenshots) await shot(a1, 'pickup-phone');

    // The tablet, without reloading: the plan on the child's tile, marked not yet confirmed.
    const onTile = tile(hinata).getByTestId('tile-pickup');
    await onTile.getByText('お迎え 17:30 佐藤 花子').waitFor({ timeout: 20_000 });
    await onTile.getByText('未確認').waitFor();
    if (screenshots) await shot(staff, 'pickup-roster-tablet');
  });

  await scenario('お迎え (pickup): staff confirm grandma; check-out offers her first and warns for someone typed in', async () => {
    // The teacher confirms grandma on the お迎え tab.
    await staff.goto('/pickup');
    const person = staff.getByTestId('staff-person').filter({ hasText: '佐藤 花子' });
    await person.getByRole('button', { name: '確認した: 佐藤 花子' }).click();
    await person.waitFor({ state: 'detached' });
    await staff.getByTestId('staff-plan').filter({ hasText: '佐藤 ひなた' }).getByText('確認済み').waitFor();
    await checkA11y(staff, 'pickup staff (tablet)');
    if (screenshots) await shot(staff, 'pickup-staff-tablet');
    // The guardian's card follows live.
    await a1.goto('/');
    await card(hinata).getByTestId('plan-line').getByText('確認済み').waitFor({ timeout: 20_000 });

    await staff.getByRole('link', { name: '名簿' }).click();
    await tile(hinata).getByTestId('tile-pickup').waitFor();
    assert.equal(await tile(hinata).getByText('未確認').count(), 0);
    await tile(hinata).click();
    const dialog = staff.getByRole('dialog');
    // The planned person first, chosen already; no warning.
    const first = dialog.getByRole('button', { pressed: true });
    assert.equal(await first.getAttribute('data-testid'), 'choice-planned');
    assert.match(await first.innerText(), /佐藤 花子（祖母）/);
    assert.equal(await dialog.getByTestId('checkout-warns').count(), 0);
    await checkA11y(staff, 'check-out dialog (tablet)');
    if (screenshots) await shot(staff, 'pickup-checkout-tablet');
    await dialog.getByRole('button', { name: '降園にする' }).click();
    await staff.locator(`[data-testid=tile][data-child="${hinata}"][data-status=LEFT]`).waitFor();

    // あおい goes home with someone typed in: recorded, and the tablet is warned live.
    await tile(aoi).click();
    await dialog.getByLabel('お迎えの人').fill('山田 太郎');
    await dialog.getByTestId('checkout-warns').waitFor();
    await dialog.getByRole('button', { name: '降園にする' }).click();
    await staff.locator(`[data-testid=tile][data-child="${aoi}"][data-status=LEFT]`).waitFor();
    await staff.getByTestId('pickup-warnings').getByText(/佐藤 あおいさんが登録外の方（山田 太郎）/).waitFor({ timeout: 20_000 });

    // What the server recorded: who collected each, one warning (for あおい only).
    const day = await q(
      'query($c:ID!,$d:Date!){child(id:$c){attendance(from:$d,to:$d){kind pickupBy pickupPersonId}}}',
      { c: hinata, d: jstToday() },
      teacher,
    );
    const out = day.child.attendance.find((e) => e.kind === 'CHECK_OUT');
    assert.equal(out.pickupBy, '佐藤 花子');
    assert.ok(out.pickupPersonId);
    const warnings = await q('query($n:ID!){pickupWarnings(nurseryId:$n){pickupBy child{id}}}', { n: world.nurseryId }, head);
    const ours = warnings.pickupWarnings.filter((w) => w.child.id === hinata || w.child.id === aoi);
    assert.deepEqual(ours.map((w) => [w.child.id, w.pickupBy]), [[aoi, '山田 太郎']]);
  });
}
