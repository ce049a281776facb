// Browser scenarios of the roster through the year (issue 17), on the nursery head's screens:
// a child's kana corrected and a bad birth date refused at its field; a move to another
// classroom shown on both rosters; a withdrawal (gone from the rosters from that date); the
// April move-up previewed and applied; a CSV import dry-run with a problem by line, then a clean
// Shift_JIS file imported and the invitation letters shown. Everything happens in a nursery of
// its own with its own head (the move-up takes the whole nursery), so the other scenarios'
// children and classrooms are untouched. Axe and screenshots at phone and tablet size.
// Called by run.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import { gql, login, newContext, PASSWORD, shot, uiLogin, ADMIN } from './harness.mjs';

const jstDay = (offset = 0) => new Date(Date.now() + 9 * 3600e3 + offset * 86400e3).toISOString().slice(0, 10);

/** A nursery of the scenarios' own: three classrooms (ages 1, 2 and 5), four children enrolled a
 * month ago (so they can be moved, moved up or withdrawn from today), and its head. */
async function buildRosterNursery(base, world) {
  const admin = await login(base, ADMIN);
  const q = (query, variables) => gql(base, query, variables, admin);
  const municipality = (await q('query($n:ID!){nursery(id:$n){municipality{id}}}', { n: world.nurseryId })).nursery.municipality.id;
  const nurseryId = (await q('mutation($m:ID!){createNursery(municipalityId:$m,name:"ひだまり保育園"){id}}', { m: municipality })).createNursery.id;
  // The same all-day hours as the main world: no arrival or left-behind check comes due here.
  await q(
    'mutation($n:ID!){setNurseryHours(nurseryId:$n,input:{openWeekdays:[1,2,3,4,5,6,7],opensAt:"00:00",closesAt:"23:59:59",arrivalCheckAt:"23:59:58",lateGraceMinutes:30}){closesAt}}',
    { n: nurseryId },
  );
  const room = async (name, band) => (await q('mutation($n:ID!,$name:String!,$b:Int!){createClassroom(nurseryId:$n,name:$name,ageBand:$b){id}}', { n: nurseryId, name, b: band })).createClassroom.id;
  const rooms = { ひよこ: await room('ひよこ組', 1), りす: await room('りす組', 2), ぱんだ: await room('ぱんだ組', 5) };
  const family = (await q('mutation($n:ID!){createFamily(nurseryId:$n){id}}', { n: nurseryId })).createFamily.id;
  const children = {};
  for (const [name, classroom, born] of [
    ['山田 あおい', rooms.ひよこ, '2024-06-01'],
    ['山田 はると', rooms.ひよこ, '2024-08-15'],
    ['山田 そうた', rooms.りす, '2023-07-01'],
    ['山田 ひなた', rooms.ぱんだ, '2020-05-05'],
  ]) {
    children[name.split(' ')[1]] = (
      await q('mutation($f:ID!,$c:ID!,$n:String!,$b:Date!,$e:Date!){enrollChild(familyId:$f,classroomId:$c,name:$n,birthDate:$b,enrolledOn:$e){id}}', {
        f: family,
        c: classroom,
        n: name,
        b: born,
        e: jstDay(-30),
      })
    ).enrollChild.id;
  }
  const head = 'roster.head@e2e.test';
  await q('mutation($e:String!,$p:String!,$s:ID){createUser(email:$e,password:$p,displayName:"日向 園長",role:NURSERY_ADMIN,scopeId:$s){id}}', { e: head, p: PASSWORD, s: nurseryId });
  return { nurseryId, rooms, children, head };
}

export async function rosterScenarios({ scenario, checkA11y, browser, base, world, screenshots }) {
  const own = await buildRosterNursery(base, world);
  const { あおい: aoi, はると: haruto, そうた: sota, ひなた: hinata } = own.children;
  const tablet = await newContext(browser, base, { width: 1280, height: 800 });
  const page = await tablet.newPage();
  await uiLogin(page, own.head);
  const headToken = await login(base, own.head);
  const rosterOf = async () =>
    (await gql(base, 'query($n:ID!){nursery(id:$n){classrooms{id name children{id nameKana}}}}', { n: own.nurseryId }, headToken)).nursery.classrooms;
  const roomOf = async (childId) => (await rosterOf()).find((room) => room.children.some((c) => c.id === childId))?.id ?? null;
  const adminRow = (room, child) => page.locator(`[data-testid=admin-classroom][data-classroom="${room}"] [data-testid=admin-child][data-child="${child}"]`);

  /** Axe at tablet and phone size; screenshots of both in the SQLite round. */
  async function look(name, lang = 'ja') {
    await checkA11y(page, `${name} ${lang} (tablet)`);
    if (screenshots) await shot(page, `roster-${name}-${lang}-1280x800`);
    await page.setViewportSize({ width: 375, height: 667 });
    await checkA11y(page, `${name} ${lang} (phone)`);
    if (screenshots) await shot(page, `roster-${name}-${lang}-375x667`);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  async function openChild(child) {
    await page.goto('/roster-admin');
    await page.locator(`[data-testid=admin-child][data-child="${child}"]`).getByRole('link').click();
    await page.locator(`[data-testid=child-admin][data-child="${child}"]`).waitFor();
  }

  await scenario('roster admin: the head corrects a child’s kana; a future birth date is refused at its field', async () => {
    // Reached from the head's tabs.
    await page.getByRole('link', { name: '名簿の管理' }).first().click();
    await adminRow(own.rooms.ひよこ, aoi).waitFor();
    await page.getByRole('heading', { name: /ひよこ組（1歳児）/ }).waitFor();
    await look('admin');
    await openChild(aoi);
    await page.getByLabel('ふりがな').fill('やまだ あおい');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('child-details').getByText('保存しました。').waitFor();
    const kana = (await rosterOf()).flatMap((r) => r.children).find((c) => c.id === aoi).nameKana;
    assert.equal(kana, 'やまだ あおい');
    // A birth date in the future: the server names birthDate, and the message is at that field.
    await page.getByLabel('生年月日', { exact: true }).fill(jstDay(2));
    await page.getByRole('button', { name: '保存する' }).click();
    const error = page.getByTestId('error-child-birth');
    await error.getByText('生年月日は今日以前の、7年以内の日付にしてください。').waitFor();
    assert.equal(await page.getByLabel('生年月日', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('child-details').getByText('保存しました。').count(), 0);
    await look('child-field-error');
    await page.goto('/roster-admin');
    await adminRow(own.rooms.ひよこ, aoi).getByText('やまだ あおい').waitFor();
  });

  // Before the single move below: a preview reads each child's classroom as it is now, so a
  // child moved today would be planned again (and the whole move-up refused as a conflict).
  await scenario('4月の進級: the move-up is previewed for a date, then applied in one go', async () => {
    await page.goto('/roster-admin');
    await page.getByRole('link', { name: '4月の進級' }).click();
    await page.getByTestId('move-up-form').waitFor();
    assert.match(await page.getByLabel('進級する日').inputValue(), /^\d{4}-04-01$/, 'next April by default');
    // Today, so the result shows on the rosters at once.
    await page.getByLabel('進級する日').fill(jstDay(0));
    await page.getByRole('button', { name: '内容を確認する' }).click();
    const plan = page.getByTestId('move-up-plan');
    for (const child of [aoi, haruto]) await plan.locator(`tr[data-child="${child}"]`).getByText('ひよこ組').waitFor();
    assert.equal(await plan.locator('tbody tr').count(), 2, 'the two 1-year-olds, nobody else');
    await plan.getByTestId('graduating').getByText('山田 ひなた').waitFor();
    await plan.getByTestId('unplaced').getByText('りす組').waitFor();
    assert.equal(await roomOf(aoi), own.rooms.ひよこ, 'a preview moves nobody');
    await look('move-up-plan');
    await plan.getByRole('button', { name: /2人を.*から進級させる/ }).click();
    const applied = page.getByTestId('move-up-applied');
    await applied.getByText(/2人が進級しました/).waitFor();
    await look('move-up-applied');
    for (const child of [aoi, haruto]) assert.equal(await roomOf(child), own.rooms.りす);
    await page.getByRole('link', { name: '名簿の管理' }).last().click();
    for (const child of [aoi, haruto]) await adminRow(own.rooms.りす, child).waitFor();
  });

  await scenario('roster admin: a child moved to another classroom from today is on that classroom’s roster', async () => {
    await openChild(sota);
    await page.getByLabel('移動先の組').selectOption(own.rooms.ひよこ);
    assert.equal(await page.getByLabel('いつから').inputValue(), jstDay(0), 'today is the default');
    await page.getByRole('button', { name: '移動する' }).click();
    await page.getByTestId('move-done').getByText(/ひよこ組に移りました/).waitFor();
    assert.equal(await roomOf(sota), own.rooms.ひよこ);
    await page.goto('/roster-admin');
    await adminRow(own.rooms.ひよこ, sota).waitFor();
    assert.equal(await adminRow(own.rooms.りす, sota).count(), 0);
    // The staff roster too: the ひよこ組 tab has そうた's tile.
    await page.goto('/');
    await page.getByRole('button', { name: 'ひよこ組' }).click();
    await page.locator(`[data-testid=tile][data-child="${sota}"]`).waitFor();
    await page.getByRole('button', { name: '全クラス' }).click();
  });

  await scenario('roster admin: a child withdrawn from today leaves the rosters after a confirmation', async () => {
    await openChild(hinata);
    await page.getByLabel('退園日（園に来なくなる最初の日）').fill(jstDay(0));
    await page.getByRole('button', { name: '退園の手続きへ' }).click();
    const confirm = page.getByTestId('withdraw-confirm');
    await confirm.getByText(/その日から名簿、登園確認、ライブの通知に出なくなります。これまでの記録は残り/).waitFor();
    await look('withdraw-confirm');
    await confirm.getByRole('button', { name: '退園にする' }).click();
    await page.getByTestId('withdrawn-done').getByText(/から退園になります/).waitFor();
    assert.equal(await roomOf(hinata), null, 'off the roster from today');
    await page.goto('/roster-admin');
    await page.locator(`[data-testid=admin-child][data-child="${aoi}"]`).waitFor();
    assert.equal(await page.locator(`[data-testid=admin-child][data-child="${hinata}"]`).count(), 0);
    await page.goto('/');
    await page.getByRole('button', { name: '全クラス' }).click();
    await page.locator(`[data-testid=tile][data-child="${aoi}"]`).waitFor();
    assert.equal(await page.locator(`[data-testid=tile][data-child="${hinata}"]`).count(), 0, 'not on the staff roster');
  });

  await scenario('名簿の取り込み: a dry run shows the problem by line; a clean Shift_JIS file is imported with invitations', async () => {
    await page.goto('/roster-admin/import');
    await page.getByTestId('import-form').waitFor();
    const header = 'クラス,年齢,家族,氏名,ふりがな,生年月日,保護者氏名,保護者メール';
    const lines = (birth) => [
      header,
      'ぞう組,4,K1,森 たろう,もり たろう,2021-05-10,森 花子,hanako.roster@e2e.test',
      `ぞう組,4,K2,林 さき,はやし さき,${birth},林 恵,megumi.roster@e2e.test`,
      '',
    ];
    // UTF-8 with a BOM (Excel's "CSV UTF-8"), with an impossible date on line 3.
    const broken = Buffer.from(`\ufeff${lines('2021-02-30').join('\r\n')}`, 'utf8');
    await page.setInputFiles('input[type=file]', { name: 'roster.csv', mimeType: 'text/csv', buffer: broken });
    await page.getByRole('button', { name: '確認する（まだ登録しません）' }).click();
    const problem = page.locator('[data-testid=import-problems] [data-testid=problem]');
    await problem.first().waitFor();
    assert.equal(await problem.count(), 1);
    assert.equal(await problem.getAttribute('data-line'), '3');
    assert.match(await problem.innerText(), /^3\s+生年月日\s+生年月日が日付になっていません/);
    await look('import-problems');
    assert.equal((await rosterOf()).some((r) => r.name === 'ぞう組'), false, 'a dry run writes nothing');

    // Corrected and saved by Excel as Shift_JIS: the bytes go to the server as they are.
    const clean = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'SHIFT_JIS'], { input: lines('2021-02-28').join('\r\n') });
    await page.setInputFiles('input[type=file]', { name: 'roster-sjis.csv', mimeType: 'text/csv', buffer: clean });
    await page.getByRole('button', { name: '確認する（まだ登録しません）' }).click();
    const ready = page.getByTestId('import-clean');
    await ready.getByText(/問題はありません。組\d+、家族2、園児2人、保護者2人/).waitFor();
    await ready.getByRole('button', { name: '取り込む' }).click();
    const done = page.getByTestId('import-done');
    await done.getByText('取り込みました').waitFor();
    for (const email of ['hanako.roster@e2e.test', 'megumi.roster@e2e.test']) {
      assert.match(await done.locator(`tr[data-email="${email}"]`).innerText(), /[0-9A-Z]{4}(-[0-9A-Z]{4}){4}/);
    }
    await look('import-done');
    const zou = (await rosterOf()).find((r) => r.name === 'ぞう組');
    assert.equal(zou?.children.length, 2, 'the classroom and its children are there');
    await done.getByRole('button', { name: /招待状を表示して印刷（2通）/ }).click();
    const letters = page.locator('[data-testid=letters] [data-testid=letter]');
    await letters.nth(1).waitFor();
    assert.equal(await letters.count(), 2);
    await letters.first().getByText(/森 花子 様|林 恵 様/).waitFor();
    assert.match(await letters.first().getByTestId('letter-code').innerText(), /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    await letters.first().getByText(/有効期限/).waitFor();
    await look('import-letters');
  });

  await scenario('roster screens in English: the head’s language, axe-clean', async () => {
    await gql(base, 'mutation{setLocale(locale:"en"){locale}}', {}, headToken);
    // The app takes the account's language when it loads.
    await page.goto('/roster-admin');
    await page.getByRole('heading', { name: /ぞう組 \(age 4\)/ }).waitFor();
    await look('admin', 'en');
    await openChild(aoi);
    await page.getByRole('heading', { name: 'Names, birth date, allergies' }).waitFor();
    await look('child', 'en');
    await page.goto('/roster-admin/import');
    await page.getByText('How to write the CSV').click();
    await page.getByText(/First line, the headers/).waitFor();
    await look('import', 'en');
  });

  await tablet.close();
}
