import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import {
  confirmedApiMember,
  drawPhoto,
  emailedLink,
  newIdentity,
  signIn,
  uploadPhotoViaApi,
} from './support';

/** A category, brand or size as the taxonomy endpoints list them. */
interface TaxonomyEntry {
  id: string;
  slug?: string;
  name?: string;
  label?: string;
  children?: TaxonomyEntry[];
}

function findBySlug(nodes: TaxonomyEntry[], slug: string): TaxonomyEntry | undefined {
  for (const node of nodes) {
    if (node.slug === slug) return node;
    const below = findBySlug(node.children ?? [], slug);
    if (below) return below;
  }
  return undefined;
}

async function itemsOf(api: APIRequestContext, path: string): Promise<TaxonomyEntry[]> {
  const response = await api.get(path);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: TaxonomyEntry[] }).items;
}

interface Trainers {
  title: string;
  /** The EU size, e.g. "EU 42". */
  size: string;
  euros: number;
}

/** Publishes Adidas trainers for men through the API, one photo each. */
async function publishTrainers(page: Page, api: APIRequestContext, listings: Trainers[]) {
  const category = findBySlug(await itemsOf(api, '/api/v1/categories'), 'men-trainers');
  const brand = (await itemsOf(api, '/api/v1/brands?q=adidas')).find((b) => b.name === 'Adidas');
  const sizes = await itemsOf(api, `/api/v1/sizes?category=${category?.id ?? ''}`);
  const photo = await drawPhoto(page, 'trainers.jpg', '#f4f4f0', 800, 1000);
  for (const listing of listings) {
    const created = await api.post('/api/v1/items', {
      data: {
        title: listing.title,
        category_id: category?.id,
        brand_id: brand?.id,
        // Labels name every system: "EU 42 / UK 7.5 / US 8.5".
        size_id: sizes.find((size) => size.label?.split(' / ')[0] === listing.size)?.id,
        condition: 'very_good',
        colors: ['white'],
        price: { amount: listing.euros * 100, currency: 'EUR' },
        location: { country: 'FR', city: 'Lyon' },
        image_ids: [await uploadPhotoViaApi(api, photo)],
        status: 'active',
      },
    });
    expect(created.status(), await created.text()).toBe(201);
  }
}

/** The count a facet choice shows beside its name: 3 for "EU 42 / UK 7.5 / US 8.5 (3)". */
async function facetCount(choice: Locator): Promise<number> {
  const label = await choice.evaluate((input) => input.closest('label')?.textContent ?? '');
  return Number(/\((\d[\d,]*)\)\s*$/.exec(label)?.[1]?.replaceAll(',', '') ?? Number.NaN);
}

function resultsText(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'result' : 'results'}`;
}

/** The prices of the cards in the grid, in euros, in the order shown. */
async function cardPrices(results: Locator): Promise<number[]> {
  const cards = await results.getByRole('listitem').allTextContents();
  return cards.map((card) => Number(/€([\d,]+\.\d{2})/.exec(card)?.[1]?.replaceAll(',', '')));
}

test.describe('search', () => {
  test('find a brand from a typo, narrow by size and price, sort, come back, save the search, hear of a new match', async ({
    page,
    playwright,
    baseURL,
    request,
  }) => {
    test.setTimeout(180_000);
    const tag = Date.now().toString(36);
    const seller = await confirmedApiMember(playwright, baseURL ?? '', 'sneakers');
    await publishTrainers(page, seller, [
      { title: `Gazelle trainers ${tag}`, size: 'EU 42', euros: 35 },
      { title: `Samba trainers ${tag}`, size: 'EU 42', euros: 60 },
      { title: `Stan Smith trainers ${tag}`, size: 'EU 42', euros: 18 },
      { title: `Superstar trainers ${tag}`, size: 'EU 44', euros: 30 },
      { title: `Ultraboost trainers ${tag}`, size: 'EU 44', euros: 90 },
    ]);

    // A buyer, confirmed but not signed in yet, types the brand misspelled.
    const buyer = newIdentity('buyer');
    const registered = await request.post('/api/v1/auth/register', {
      data: { email: buyer.email, username: buyer.username, password: buyer.password },
    });
    expect(registered.status()).toBe(201);
    await page.goto(await emailedLink(request, buyer.email, '/verify-email'));
    await expect(page.getByRole('heading', { name: 'Email confirmed' })).toBeVisible();
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Search Reloop' }).fill('adiddas');
    await page.getByRole('option', { name: 'Adidas', exact: true }).click();

    await expect(page).toHaveURL(/\/search\?brand=[0-9a-f-]{36}$/);
    await expect(page.getByRole('button', { name: 'Remove filter: Adidas' })).toBeVisible();
    const results = page.getByRole('list', { name: 'Search results' });
    for (const model of ['Gazelle', 'Samba', 'Stan Smith', 'Superstar', 'Ultraboost']) {
      await expect(results.getByRole('link', { name: `${model} trainers ${tag}` })).toBeVisible();
    }

    // Size EU 42: the count it showed is the new result count, and other facets change.
    const filters = page.getByRole('complementary', { name: 'Filters' });
    const size42 = filters.getByRole('checkbox', { name: /^EU 42 \/ UK 7\.5/ });
    const midBand = filters.getByRole('radio', { name: /^€25 – €50/ });
    const sizeCount = await facetCount(size42);
    const bandCountBefore = await facetCount(midBand);
    await size42.check();
    await expect(page).toHaveURL(/&size=[0-9a-f-]{36}$/);
    await expect(page.getByText(resultsText(sizeCount), { exact: true })).toBeVisible();
    await expect.poll(() => facetCount(midBand)).toBeLessThan(bandCountBefore);
    await expect(results.getByRole('link', { name: `Superstar trainers ${tag}` })).toHaveCount(0);

    // €20 to €100, typed in euros.
    await filters.getByLabel('Min (€)').fill('20');
    await filters.getByLabel('Max (€)').fill('100');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/&price_min=2000&price_max=10000$/);
    await expect(page.getByRole('button', { name: 'Remove filter: €20 – €100' })).toBeVisible();
    await expect(results.getByRole('link', { name: `Stan Smith trainers ${tag}` })).toHaveCount(0);

    // Dearest first.
    await page.getByLabel('Sort by').selectOption('Price: high to low');
    await expect(page).toHaveURL(/&sort=price_desc$/);
    await expect(results.getByRole('link', { name: `Samba trainers ${tag}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Results' })).not.toHaveAttribute(
      'aria-busy',
      'true',
    );
    const prices = await cardPrices(results);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    expect(prices.every((price) => price >= 20 && price <= 100)).toBe(true);

    // Into an item and back: the same search, filters and order.
    const searchUrl = page.url();
    await results.getByRole('link', { name: `Samba trainers ${tag}` }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Samba trainers ${tag}` }),
    ).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(searchUrl);
    await expect(size42).toBeChecked();
    await expect(page.getByLabel('Sort by')).toHaveValue('price_desc');
    expect(await cardPrices(results)).toEqual(prices);

    // Saving asks a visitor to sign in, then brings them back to the same search.
    await page.getByRole('button', { name: 'Save search' }).click();
    await expect(page).toHaveURL(/\/login\?next=/);
    await signIn(page, buyer.email, buyer.password);
    await expect(page).toHaveURL(searchUrl);
    await page.getByRole('button', { name: 'Save search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this search' });
    await expect(dialog.getByLabel('Name')).toHaveValue(/^Adidas · Size EU 42 .* · €20 – €100$/);
    await dialog.getByLabel('Name').fill(`Adidas 42 ${tag}`);
    await dialog.getByLabel('Also email me a daily summary of new matches').check();
    await dialog.getByRole('button', { name: 'Save search' }).click();
    await expect(page.getByText(/^Search saved\./)).toBeVisible();

    // It is listed with the member's saved searches, and runs the same search.
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Saved searches' }).click();
    const saved = page.getByRole('list', { name: 'Your saved searches' }).getByRole('listitem');
    await expect(saved).toHaveCount(1);
    await expect(saved).toContainText(`Adidas 42 ${tag}`);
    await expect(saved).toContainText('Daily email');
    await saved.getByRole('link', { name: `Run “Adidas 42 ${tag}”` }).click();
    await expect(page).toHaveURL(/\/search\?brand=.*&size=.*&price_min=2000&price_max=10000$/);
    await expect(results.getByRole('link', { name: `Gazelle trainers ${tag}` })).toBeVisible();

    // The seller lists another pair that matches: the buyer hears of it without a reload.
    await publishTrainers(page, seller, [
      { title: `Campus trainers ${tag}`, size: 'EU 42', euros: 45 },
    ]);
    await seller.dispose();
    const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
    await expect(bell).toBeVisible({ timeout: 20_000 });
    await bell.click();
    await page
      .getByRole('list', { name: 'Latest notifications' })
      .getByRole('link', { name: new RegExp(`saved searches: “Campus trainers ${tag}”`) })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: `Campus trainers ${tag}` }),
    ).toBeVisible();
  });
});
