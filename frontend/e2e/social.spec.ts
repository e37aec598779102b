import { type Browser, expect, type Page, test } from '@playwright/test';
import { drawPhoto, emailedLink, newIdentity, signIn } from './support';

interface Member {
  page: Page;
  username: string;
}

/**
 * A member in a browser of their own, signed in, email confirmed from the development
 * mailbox: only confirmed members publish, follow and comment.
 */
async function signedInMember(
  browser: Browser,
  label: string,
  displayName: string,
): Promise<Member> {
  const page = await (await browser.newContext()).newPage();
  const { email, username, password } = newIdentity(label);
  const created = await page.request.post('/api/v1/auth/register', {
    data: { email, username, password, display_name: displayName },
  });
  expect(created.status()).toBe(201);
  await page.goto(await emailedLink(page.request, email, '/verify-email'));
  await expect(page.getByRole('heading', { name: 'Email confirmed' })).toBeVisible();
  await page.goto('/login');
  await signIn(page, email, password);
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
  return { page, username };
}

/** Publishes a dress with one photo from the sell page; returns the listing's path. */
async function publishListing(page: Page, title: string): Promise<string> {
  await page.getByRole('banner').getByRole('link', { name: 'Sell' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sell an item' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add photos' }).click();
  await (await chooser).setFiles([await drawPhoto(page, 'dress.jpg', '#8a5a2b', 800, 1000)]);
  await expect(page.getByRole('list', { name: /Photos/ }).getByRole('img')).toHaveCount(1, {
    timeout: 60_000,
  });
  await page.getByLabel('Title').fill(title);
  for (const name of ['Women', 'Clothing', 'Dresses']) {
    await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  }
  await expect(page.getByLabel('Size')).toBeEnabled();
  await page.getByLabel('Size').selectOption({ index: 1 });
  await page.getByRole('radio', { name: 'Very good' }).click();
  await page.getByRole('group', { name: 'Colours' }).getByText('Red', { exact: true }).click();
  await page.getByLabel('Price (€)').fill('35');
  await page.getByLabel('Country').selectOption('FR');
  await page.getByLabel('Town or city').fill('Lyon');
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page).toHaveURL(/\/items\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Your listing is live.')).toBeVisible();
  return new URL(page.url()).pathname;
}

// The worker writes notifications a moment after the action; the stream then tells the page.
const LIVE = { timeout: 20_000 };

test.describe('social', () => {
  test('follow a seller, find their new listing first, like and comment; the seller hears it live', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const seller = await signedInMember(browser, 'seller', 'Sam Seller');
    const buyer = await signedInMember(browser, 'buyer', 'Bea Buyer');
    // Survives everything but a full page load, which the seller's page must never need.
    await seller.page.evaluate(() => {
      document.documentElement.dataset.sameDocument = 'yes';
    });
    const sellerBadge = seller.page.getByTestId('unread-count');

    // The buyer follows the seller from their profile.
    await buyer.page.goto(`/members/${seller.username}`);
    await buyer.page.getByRole('button', { name: `Follow @${seller.username}` }).click();
    await expect(
      buyer.page.getByRole('button', { name: `Following @${seller.username}` }),
    ).toHaveAttribute('aria-pressed', 'true');
    await expect(buyer.page.getByRole('link', { name: '1 follower' })).toBeVisible();
    await expect(sellerBadge).toHaveText('1', LIVE);

    // The seller publishes; the buyer finds it at the top of their feed.
    const title = `Corduroy dress ${Date.now().toString(36)}`;
    const itemPath = await publishListing(seller.page, title);
    const firstInFeed = buyer.page
      .getByRole('list', { name: 'Your feed' })
      .getByRole('listitem')
      .first();
    await expect(async () => {
      await buyer.page.goto('/');
      await expect(firstInFeed).toContainText(title, { timeout: 2_000 });
    }).toPass(LIVE);
    await expect(firstInFeed).toContainText('From a seller you follow');

    // The buyer likes it and asks about it.
    await firstInFeed.getByRole('link', { name: title }).click();
    await expect(buyer.page).toHaveURL(new RegExp(`${itemPath}$`));
    const like = buyer.page.getByRole('button', { name: /^Like/ });
    await expect(like).toHaveAttribute('aria-pressed', 'false');
    await like.click();
    await expect(like).toHaveAttribute('aria-pressed', 'true');
    await expect(like).toHaveAccessibleName('Like, 1 like');
    await buyer.page.getByRole('textbox', { name: 'Add a comment' }).fill('Is it still available?');
    await buyer.page.getByRole('button', { name: 'Post comment' }).click();
    await expect(buyer.page.getByRole('list', { name: 'Comments' })).toContainText(
      'Is it still available?',
    );

    // The seller's bell counts the follow, the like and the comment, live.
    await expect(sellerBadge).toHaveText('3', LIVE);
    await expect(
      seller.page.getByRole('button', { name: 'Notifications, 3 unread' }),
    ).toBeVisible();

    // The seller opens the comment from the bell and lands on the listing's comments.
    await seller.page.getByRole('button', { name: 'Notifications, 3 unread' }).click();
    await seller.page
      .getByRole('list', { name: 'Latest notifications' })
      .getByRole('link', { name: /Bea Buyer commented on your/ })
      .click();
    await expect(seller.page).toHaveURL(new RegExp(`${itemPath}#comments$`));
    await expect(seller.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(seller.page.getByRole('list', { name: 'Comments' })).toContainText(
      'Is it still available?',
    );
    await expect(sellerBadge).toHaveText('2');
    expect(await seller.page.evaluate(() => document.documentElement.dataset.sameDocument)).toBe(
      'yes',
    );

    await seller.page.context().close();
    await buyer.page.context().close();
  });
});
