import {
  type APIRequestContext,
  type Browser,
  expect,
  type Page,
  type PlaywrightWorkerArgs,
  test,
} from '@playwright/test';
import { drawPhoto, emailedLink, newIdentity, signIn, uploadPhotoViaApi } from './support';

interface Member {
  page: Page;
  /** The same member over the API with a bearer token, to set up listings quickly. */
  api: APIRequestContext;
  username: string;
  displayName: string;
}

/** Each member's own address (TEST-NET-3), as the local proxy hop would report it. */
let nextAddress = 10;

/**
 * A member with a confirmed email, signed in in a browser of their own, and over the API:
 * buyers and sellers each act in their own context, as on their own devices. Each device
 * has its own address (the server trusts X-Forwarded-For from localhost), so the four
 * sign-ups here do not use up the per-address sign-up allowance the other journeys share.
 */
async function member(
  browser: Browser,
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string,
  label: string,
  displayName: string,
): Promise<Member> {
  nextAddress += 1;
  const device = { 'X-Forwarded-For': `203.0.113.${nextAddress}` };
  const page = await (await browser.newContext({ extraHTTPHeaders: device })).newPage();
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

  const bearer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: device });
  const login = await bearer.post('/api/v1/auth/login', {
    data: { email, password, transport: 'bearer' },
  });
  expect(login.ok()).toBe(true);
  const { access_token } = (await login.json()) as { access_token: string };
  await bearer.dispose();
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { ...device, Authorization: `Bearer ${access_token}` },
  });
  return { page, api, username, displayName };
}

interface CategoryNode {
  id: string;
  is_leaf: boolean;
  has_sizes: boolean;
  children: CategoryNode[];
}

/** A category a listing can be filed under without a size. */
function sizelessLeaf(nodes: CategoryNode[]): CategoryNode | undefined {
  for (const node of nodes) {
    if (node.is_leaf && !node.has_sizes) return node;
    const below = sizelessLeaf(node.children);
    if (below) return below;
  }
  return undefined;
}

/** Publishes a listing with one photo through the API; returns its page's path. */
async function publish(seller: Member, title: string, euros: number): Promise<string> {
  const categories = await seller.api.get('/api/v1/categories');
  const { items } = (await categories.json()) as { items: CategoryNode[] };
  const photo = await drawPhoto(seller.page, 'item.jpg', '#2b6a8a', 800, 1000);
  const created = await seller.api.post('/api/v1/items', {
    data: {
      title,
      description: 'Barely used, from a smoke-free home.',
      category_id: sizelessLeaf(items)?.id,
      condition: 'very_good',
      colors: ['blue'],
      price: { amount: euros * 100, currency: 'EUR' },
      quantity: 1,
      location: { country: 'FR', city: 'Lyon' },
      image_ids: [await uploadPhotoViaApi(seller.api, photo)],
      status: 'active',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  return `/items/${id}`;
}

async function addToCart(page: Page, itemPath: string, title: string) {
  await page.goto(itemPath);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(`“${title}” is in your cart.`)).toBeVisible();
}

/** The seller opens the order from their Sold tab and ships it. */
async function ship(seller: Member, title: string, carrier: string, tracking: string) {
  const { page } = seller;
  await page.goto('/orders?tab=sold');
  await page
    .getByRole('list', { name: 'Orders you received' })
    .getByRole('link', { name: title })
    .click();
  await expect(page.getByText('12 rue de la République')).toBeVisible();
  const form = page.getByRole('form', { name: 'Mark as shipped' });
  await form.getByLabel('Carrier').fill(carrier);
  await form.getByLabel('Tracking number').fill(tracking);
  await form.getByRole('button', { name: 'Mark as shipped' }).click();
  await expect(page.getByText('Shipped', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(tracking, { exact: true })).toBeVisible();
  await expect(form).toBeHidden();
}

test.describe('commerce', () => {
  test('buy from two sellers: a declined card holds the items, another pays; each seller ships; the buyer confirms, completes and reviews', async ({
    browser,
    playwright,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const origin = baseURL ?? '';
    const sam = await member(browser, playwright, origin, 'sam', 'Sam Seller');
    const sue = await member(browser, playwright, origin, 'sue', 'Sue Seller');
    const bea = await member(browser, playwright, origin, 'bea', 'Bea Buyer');
    const ben = await member(browser, playwright, origin, 'ben', 'Ben Browser');
    const tag = Date.now().toString(36);
    const lamp = `Brass lamp ${tag}`;
    const vase = `Glass vase ${tag}`;
    const lampPath = await publish(sam, lamp, 40);
    const vasePath = await publish(sue, vase, 25);

    // Bea puts one listing of each seller in her cart.
    await addToCart(bea.page, lampPath, lamp);
    await addToCart(bea.page, vasePath, vase);
    await bea.page.getByRole('link', { name: 'View cart' }).last().click();
    await expect(bea.page).toHaveURL(/\/cart$/);
    await expect(bea.page.getByRole('link', { name: 'Cart, 2 items' })).toBeVisible();
    await expect(bea.page.getByRole('region', { name: 'From Sam Seller' })).toContainText(lamp);
    await expect(bea.page.getByRole('region', { name: 'From Sue Seller' })).toContainText(vase);

    // She checks out, and her first card is declined: the orders hold the items for her.
    await bea.page.getByRole('link', { name: 'Checkout' }).click();
    await expect(bea.page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
    await bea.page.getByLabel('Street and number').fill('12 rue de la République');
    await bea.page.getByLabel('Postal code').fill('69002');
    await bea.page.getByLabel('Town or city').fill('Lyon');
    await bea.page.getByLabel('Country').selectOption('FR');
    await bea.page.getByRole('button', { name: 'Use 4000 0000 0000 0002' }).click();
    await expect(bea.page.getByLabel('Card number')).toHaveValue('4000 0000 0000 0002');
    await bea.page.getByRole('button', { name: 'Pay and place 2 orders' }).click();
    await expect(bea.page.getByText(/^Your payment was declined/)).toBeVisible();
    await expect(bea.page.getByRole('timer')).toHaveText(/^1[45]:\d\d$/);

    // Meanwhile Ben sees both listings reserved, on their pages and in the seller's grid.
    await ben.page.goto(lampPath);
    await expect(ben.page.getByText(/^Reserved — \d+ min left$/)).toBeVisible();
    await ben.page.goto(vasePath);
    await expect(ben.page.getByText(/^Reserved — \d+ min left$/)).toBeVisible();
    await ben.page.goto(`/members/${sam.username}`);
    const samsGrid = ben.page.getByRole('list', { name: `Listings by @${sam.username}` });
    await expect(samsGrid.getByRole('listitem').filter({ hasText: lamp })).toContainText(
      'Reserved',
    );

    // Bea pays from the order page with the card that works: both orders are paid.
    await bea.page.goto('/orders');
    const bought = bea.page.getByRole('list', { name: 'Orders you placed' });
    await expect(bought.getByRole('listitem')).toHaveCount(2);
    await bought.getByRole('link', { name: lamp }).click();
    await expect(
      bea.page.getByRole('heading', { level: 1, name: 'Order from Sam Seller' }),
    ).toBeVisible();
    await expect(bea.page.getByRole('timer')).toBeVisible();
    await bea.page.getByRole('button', { name: 'Use 4242 4242 4242 4242' }).click();
    await bea.page.getByRole('button', { name: 'Pay now' }).click();
    await expect(bea.page.getByText('Paid', { exact: true }).first()).toBeVisible();
    await expect(bea.page.getByRole('button', { name: 'Pay now' })).toBeHidden();
    await bea.page.goto('/orders');
    await expect(bought.getByText('Paid', { exact: true })).toHaveCount(2);

    // Each seller ships their own parcel.
    await ship(sam, lamp, 'La Poste', `LP${tag.toUpperCase()}FR`);
    await ship(sue, vase, 'DHL', `DHL${tag.toUpperCase()}`);

    // Bea confirms the lamp arrived, completes the order and reviews Sam.
    await bea.page.goto('/orders');
    await bought.getByRole('link', { name: lamp }).click();
    await expect(bea.page.getByText(`LP${tag.toUpperCase()}FR`, { exact: true })).toBeVisible();
    await bea.page.getByRole('button', { name: 'Confirm delivery' }).click();
    await expect(bea.page.getByText('Delivered', { exact: true }).first()).toBeVisible();
    await bea.page.getByRole('button', { name: 'Complete order' }).click();
    await expect(bea.page.getByText('Completed', { exact: true }).first()).toBeVisible();
    const review = bea.page.getByRole('form', { name: 'Review Sam Seller' });
    await review.getByRole('radio', { name: '5 stars, Excellent' }).check();
    await review.getByLabel(/Your review/).fill('Beautiful lamp, packed with care.');
    await review.getByRole('button', { name: 'Post review' }).click();
    await expect(bea.page.getByRole('region', { name: 'Review' })).toContainText(
      'Beautiful lamp, packed with care.',
    );

    // The review is on Sam's profile, with his rating.
    await ben.page.goto(`/members/${sam.username}`);
    await expect(ben.page.getByRole('list', { name: 'Reviews of Sam Seller' })).toContainText(
      'Beautiful lamp, packed with care.',
    );
    await expect(ben.page.getByText('(1 review)')).toBeVisible();

    for (const someone of [sam, sue, bea, ben]) {
      await someone.api.dispose();
      await someone.page.context().close();
    }
  });
});
