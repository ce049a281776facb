// Browser scenarios of the safety of the day (issue 18): the staff's not-yet-arrived list
// (登園確認) filling live when the nursery's check comes due, a child's arrival clearing them
// by itself, a teacher closing one with a note; the children still here after closing (降園確認)
// on every staff screen until checked out or explained; axe and screenshots at tablet and
// phone size.
// Called by run.mjs with its open pages.
import assert from 'node:assert/strict';

import { gql, login, newContext, shot, uiLogin, ADMIN } from './harness.mjs';

const jstToday = () => new Date(Date.now() + 9 * 3600e3).toISOString().slice(0, 10);

export async function safetyScenarios({ scenario, checkA11y, browser, base, world, staff, screenshots }) {
  const admin = await login(base, ADMIN);
  const teacher = await login(base, world.staff);
  const head = await login(base, world.head);
  const q = (query, variables, token = admin) => gql(base, query, variables, token);
  // Two children of their own, so whatever earlier scenarios recorded does not matter.
  const family = (await q('mutation($n:ID!){createFamily(nurseryId:$n){id}}', { n: world.nurseryId })).createFamily.id;
  const enroll = async (name) =>
    (await q('mutation($f:ID!,$c:ID!,$n:String!){enrollChild(familyId:$f,classroomId:$c,name:$n,birthDate:"2022-08-01"){id}}', { f: family, c: world.classroomId, n: name })).enrollChild.id;
  const kaito = await enroll('森 かいと');
  const saki = await enroll('森 さき');
  const card = (page, child) => page.locator(`[data-testid=arrival-check][data-child="${child}"]`);

  await scenario('登園確認: the check comes due and the not-yet-arrived list fills live on the tablet', async () => {
    await staff.goto('/arrivals');
    await staff.getByRole('heading', { name: '登園確認' }).first().waitFor();
    // The head opens today and sets the check to now (whatever day and time the suite runs).
    await q('mutation($n:ID!,$d:Date!){setCalendarDay(nurseryId:$n,date:$d,open:true,note:"テスト"){open}}', { n: world.nurseryId, d: jstToday() }, head);
    await q(
      'mutation($n:ID!){setNurseryHours(nurseryId:$n,input:{openWeekdays:[1,2,3,4,5,6,7],opensAt:"00:00",closesAt:"23:59:59",arrivalCheckAt:"00:00",lateGraceMinutes:30}){arrivalCheckAt}}',
      { n: world.nurseryId },
      head,
    );
    for (const child of [kaito, saki]) await card(staff, child).waitFor({ timeout: 20_000 });
    assert.match(await card(staff, kaito).innerText(), /森 かいと/);
    await checkA11y(staff, 'arrivals (tablet)');
    if (screenshots) await shot(staff, 'arrivals-tablet');
  });

  await scenario('登園確認: an arrival clears a child by itself; a teacher closes another with a note', async () => {
    await q('mutation($c:ID!){checkIn(input:{childId:$c}){id}}', { c: saki }, teacher);
    await card(staff, saki).waitFor({ state: 'detached', timeout: 20_000 });
    await staff.locator(`[data-testid=arrivals-ended] [data-child="${saki}"][data-resolution=ARRIVED]`).waitFor();
    // Closing needs a note.
    await card(staff, kaito).getByRole('button', { name: '確認済みにする' }).click();
    await card(staff, kaito).getByRole('alert').getByText('確認した内容を書いてください').waitFor();
    await card(staff, kaito).getByLabel('確認した内容').fill('母に電話。通院のため10時に登園');
    await card(staff, kaito).getByRole('button', { name: '確認済みにする' }).click();
    await card(staff, kaito).waitFor({ state: 'detached' });
    const closed = staff.locator(`[data-testid=arrivals-ended] [data-child="${kaito}"][data-resolution=CLOSED_BY_STAFF]`);
    await closed.getByText('母に電話。通院のため10時に登園').waitFor();
    const stored = await q('query($n:ID!){arrivalChecks(nurseryId:$n){resolution note child{id}}}', { n: world.nurseryId }, teacher);
    assert.deepEqual(
      stored.arrivalChecks.filter((c) => c.child.id === kaito).map((c) => [c.resolution, c.note]),
      [['CLOSED_BY_STAFF', '母に電話。通院のため10時に登園']],
    );
  });

  await scenario('登園確認 on a phone: the list, one-handed, live from another teacher', async () => {
    const phone = await newContext(browser, base);
    const page = await phone.newPage();
    await uiLogin(page, world.staff2);
    await page.goto('/arrivals');
    await page.locator('[data-testid=arrivals-ended]').waitFor();
    // A third child, not heard of: the phone's list shows them live.
    const ren = await enroll('森 れん');
    await card(page, ren).waitFor({ timeout: 20_000 });
    await checkA11y(page, 'arrivals (phone)');
    if (screenshots) await shot(page, 'arrivals-phone');
    await phone.close();
  });

  await scenario('降園確認: after closing, the children still here are on every staff screen, live, until checked out or explained', async () => {
    try {
      const stillHere = (page, child) => page.locator(`[data-testid=departure-check][data-child="${child}"]`);
      // さき arrived (above); かいと comes too, and neither goes home before closing.
      await q('mutation($c:ID!){checkIn(input:{childId:$c}){id}}', { c: kaito }, teacher);
      await staff.goto('/');
      await q(
        'mutation($n:ID!){setNurseryHours(nurseryId:$n,input:{openWeekdays:[1,2,3,4,5,6,7],opensAt:"00:00",closesAt:"00:00:02",arrivalCheckAt:"00:00:01",lateGraceMinutes:30}){closesAt}}',
        { n: world.nurseryId },
        head,
      );
      // The banner reaches the roster by itself and leads to the list.
      const banner = staff.getByTestId('left-behind-alert');
      await banner.getByText(/森 さき/).waitFor({ timeout: 30_000 });
      assert.match(await banner.innerText(), /森 かいと/);
      await banner.getByRole('link', { name: '確認する' }).click();
      await staff.getByRole('heading', { name: '降園確認' }).first().waitFor();
      for (const child of [kaito, saki]) await stillHere(staff, child).waitFor();
      await checkA11y(staff, 'departures (tablet)');
      if (screenshots) await shot(staff, 'departures-tablet');

      // さき is collected: her card goes by itself.
      await q('mutation($c:ID!){checkOut(input:{childId:$c,pickupBy:"母"}){id}}', { c: saki }, teacher);
      await stillHere(staff, saki).waitFor({ state: 'detached', timeout: 20_000 });
      await staff.locator(`[data-testid=departures-ended] [data-child="${saki}"][data-resolution=CHECKED_OUT]`).waitFor();
      // かいと stays for extended care: a reason is needed, then the alerts stop.
      await stillHere(staff, kaito).getByRole('button', { name: '理由を記録して通知を止める' }).click();
      await stillHere(staff, kaito).getByRole('alert').getByText('理由を書いてください').waitFor();
      await stillHere(staff, kaito).getByLabel('理由').fill('延長保育。父が19時30分にお迎え');
      await stillHere(staff, kaito).getByRole('button', { name: '理由を記録して通知を止める' }).click();
      await stillHere(staff, kaito).waitFor({ state: 'detached' });
      await staff
        .locator(`[data-testid=departures-ended] [data-child="${kaito}"][data-resolution=EXPLAINED]`)
        .getByText('延長保育。父が19時30分にお迎え')
        .waitFor();

      // On a teacher's phone: the same list, one-handed.
      const phone = await newContext(browser, base);
      const page = await phone.newPage();
      await uiLogin(page, world.staff2);
      await page.goto('/departures');
      await page.locator(`[data-testid=departures-ended] [data-child="${kaito}"]`).waitFor();
      await checkA11y(page, 'departures (phone)');
      if (screenshots) await shot(page, 'departures-phone');
      await phone.close();
    } finally {
      // The hours restored, then whoever earlier scenarios left checked in explained, so nothing
      // raised here outlives the scenario (whether it passed or not).
      await q(
        'mutation($n:ID!){setNurseryHours(nurseryId:$n,input:{openWeekdays:[1,2,3,4,5,6,7],opensAt:"00:00",closesAt:"23:59:59",arrivalCheckAt:"23:59:58",lateGraceMinutes:30}){closesAt}}',
        { n: world.nurseryId },
        head,
      );
      const open = (await q('query($n:ID!){departureChecks(nurseryId:$n){id open}}', { n: world.nurseryId }, teacher)).departureChecks;
      for (const c of open.filter((c) => c.open)) await q('mutation($id:ID!){explainDepartureCheck(id:$id,note:"テスト"){id}}', { id: c.id }, teacher);
    }
  });
}
