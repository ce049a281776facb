// Browser scenarios of accounts through the year (issue 17): the head invites a guardian and
// prints the letter; the invitee opens the QR link on a phone, chooses a password and is in;
// a code typed from paper on the login screen's link; my account (password, sessions). Axe
// and screenshots at phone and tablet size. Called by run.mjs.
import assert from 'node:assert/strict';

import { gql, login, newContext, PASSWORD, shot, uiLogin } from './harness.mjs';

const CHOSEN = 'violet harbour lantern';

export async function accountScenarios({ scenario, checkA11y, browser, base, world, screenshots }) {
  const { はな: hana } = world.children;
  const tablet = await newContext(browser, base, { width: 1280, height: 800 });
  const head = await tablet.newPage();
  await uiLogin(head, world.head);
  let link = null;

  await scenario('the head invites a grandparent and gets the printable letter with the QR code', async () => {
    await head.goto('/settings');
    await head.getByTestId('invitations').click();
    await head.getByTestId('invite-form').waitFor();
    const family = await head.locator('select[name=family] option', { hasText: '佐藤 はな' }).getAttribute('value');
    await head.locator('select[name=family]').selectOption(family);
    await head.fill('input[name=display-name]', '佐藤 和子');
    await head.fill('input[name=email]', 'grandma@e2e.test');
    if (screenshots) await shot(head, 'account-invite-form-ja-1280x800');
    await checkA11y(head, 'invite form');
    await head.getByRole('button', { name: '招待して用紙を作る' }).click();
    await head.getByTestId('letter').waitFor();
    const code = (await head.getByTestId('letter-code').innerText()).trim();
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const qr = await head.getByTestId('letter-qr').getAttribute('src');
    assert.match(qr, /^data:image\/svg\+xml;base64,/);
    await head.getByText('佐藤 和子 様').waitFor();
    await checkA11y(head, 'letter');
    if (screenshots) {
      await shot(head, 'account-letter-ja-1280x800');
      await head.setViewportSize({ width: 375, height: 667 });
      await shot(head, 'account-letter-ja-375x667');
      await head.setViewportSize({ width: 1280, height: 800 });
    }
    link = `${base}/activate#code=${code}`;
    // Back on the list, the invitation waits to be used.
    await head.getByRole('button', { name: '閉じる' }).click();
    await head.locator('[data-testid=codes] [data-status=PENDING]').first().waitFor();
  });

  await scenario('the invitee opens the QR link, chooses a password and sees the child', async () => {
    assert.ok(link, 'the letter was made');
    const phone = await newContext(browser, base);
    const page = await phone.newPage();
    await page.goto(link);
    await page.getByTestId('activate-form').waitFor();
    assert.match(await page.inputValue('input[name=code]'), /^[0-9A-Z-]{24}$/, 'the code is filled in from the link');
    await page.fill('input[name=new-password]', CHOSEN);
    await page.fill('input[name=new-password-again]', CHOSEN);
    await checkA11y(page, 'activation');
    if (screenshots) await shot(page, 'account-activate-ja-375x667');
    await page.getByRole('button', { name: '登録してはじめる' }).click();
    await page.locator(`[data-testid=child-card][data-child="${hana}"]`).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the code left the address bar');
    // The same code a second time is refused with the clear message.
    const again = await newContext(browser, base);
    const second = await again.newPage();
    await second.goto(link);
    await second.fill('input[name=new-password]', CHOSEN);
    await second.fill('input[name=new-password-again]', CHOSEN);
    await second.getByRole('button', { name: '登録してはじめる' }).click();
    await second.getByRole('alert').getByText(/このコードは使えません/).waitFor();
    if (screenshots) await shot(second, 'account-activate-refused-ja-375x667');
    await again.close();
    await phone.close();
  });

  await scenario('a code typed from paper through the login screen activates a teacher (tablet)', async () => {
    const admin = await login(base, world.head);
    const issued = await gql(
      base,
      'mutation($i:InviteUserInput!){inviteUser(input:$i){code}}',
      { i: { email: 'new.teacher@e2e.test', displayName: '新井 先生', role: 'STAFF', scopeId: world.nurseryId } },
      admin,
    );
    const ctx = await newContext(browser, base, { width: 1280, height: 800 });
    const page = await ctx.newPage();
    await page.goto('/');
    await page.getByTestId('have-code').click();
    await page.getByTestId('activate-form').waitFor();
    await page.fill('input[name=code]', issued.inviteUser.code.toLowerCase().replaceAll('-', ' '));
    await page.fill('input[name=new-password]', CHOSEN);
    await page.fill('input[name=new-password-again]', CHOSEN);
    if (screenshots) await shot(page, 'account-activate-ja-1280x800');
    await page.getByRole('button', { name: '登録してはじめる' }).click();
    // A new teacher is in: the app asks which classroom this tablet is for.
    await page.getByRole('button', { name: /ひよこ組/ }).waitFor();
    await ctx.close();
  });

  await scenario('my account: the sessions list ends the other devices; the password changes', async () => {
    const other = await login(base, world.guardianB);
    // The screens are checked in Japanese whatever language earlier scenarios left the account in.
    await gql(base, 'mutation{setLocale(locale:"ja"){locale}}', {}, other);
    const phone = await newContext(browser, base);
    const page = await phone.newPage();
    await uiLogin(page, world.guardianB);
    await page.goto('/settings');
    await page.getByTestId('my-account').click();
    await page.locator('[data-testid=sessions] li').nth(1).waitFor();
    await page.locator('[data-testid=sessions] [data-current=true]').waitFor();
    await checkA11y(page, 'my account');
    if (screenshots) {
      await shot(page, 'account-mine-ja-375x667');
      await page.setViewportSize({ width: 1280, height: 800 });
      await shot(page, 'account-mine-ja-1280x800');
      await page.setViewportSize({ width: 375, height: 667 });
    }
    await page.getByTestId('end-others').click();
    await page.getByText(/台の端末をログアウトしました/).waitFor();
    // The message comes before the list is read again: wait for the others to leave it.
    await page.locator('[data-testid=sessions] li').nth(1).waitFor({ state: 'detached' });
    assert.equal(await page.locator('[data-testid=sessions] li').count(), 1);
    await assert.rejects(gql(base, '{me{user{id}}}', {}, other), /UNAUTHENTICATED/);
    await page.fill('input[name=current-password]', PASSWORD);
    await page.fill('input[name=new-password]', CHOSEN);
    await page.fill('input[name=new-password-again]', CHOSEN);
    await page.getByRole('button', { name: 'パスワードを変更' }).click();
    await page.getByText('パスワードを変更しました。').waitFor();
    await login(base, world.guardianB).then(
      () => assert.fail('the old password still works'),
      () => {},
    );
    await phone.close();
  });
  await tablet.close();
}
