import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { drawPhoto, emailedLink, newIdentity, signIn } from './support';

interface VariantFiles {
  width: number;
  webp: string;
  jpeg: string;
}

interface ListingImage {
  id: string;
  dominant_color: string | null;
  variants: Record<string, VariantFiles>;
}

/** Which of red, green and blue a "#rrggbb" colour is mostly. */
function mainChannel(hex: string | null): string {
  const [red = 0, green = 0, blue = 0] = (hex?.match(/[0-9a-f]{2}/gi) ?? []).map((part) =>
    Number.parseInt(part, 16),
  );
  if (red > green && red > blue) return 'red';
  return green > blue ? 'green' : 'blue';
}

/** The path and query of a URL, to compare the page's absolute URLs with the API's. */
function pathOf(url: string): string {
  const parsed = new URL(url, 'http://any');
  return parsed.pathname + parsed.search;
}

/** Waits for an <img> to have loaded, and returns the URL it chose from its srcset. */
async function loadedSource(image: Locator): Promise<string> {
  await expect
    .poll(() =>
      image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth),
    )
    .toBeGreaterThan(0);
  return pathOf(await image.evaluate((element: HTMLImageElement) => element.currentSrc));
}

async function signedInMember(browser: Browser, label: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { email, username, password } = newIdentity(label);
  const created = await page.request.post('/api/v1/auth/register', {
    data: { email, username, password },
  });
  expect(created.status()).toBe(201);
  await page.goto('/login');
  await signIn(page, email, password);
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
  return page;
}

test.describe('listings', () => {
  test('sell with three photos, see them as another member, change the price', async ({
    browser,
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const { email, username, password } = newIdentity('seller');

    // A fresh member, confirmed from the emailed link, signed in.
    await page.goto('/signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel(/Display name/).fill('Sam Seller');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    await page.goto(await emailedLink(request, email, '/verify-email'));
    await expect(page.getByRole('heading', { name: 'Email confirmed' })).toBeVisible();
    await page.getByRole('link', { name: 'Sign in to continue' }).click();
    await signIn(page, email, password);
    await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();

    // Three photos, uploaded and processed.
    await page.getByRole('banner').getByRole('link', { name: 'Sell' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sell an item' })).toBeVisible();
    const photos = [
      await drawPhoto(page, 'red.jpg', '#c81e1e', 800, 600),
      await drawPhoto(page, 'green.jpg', '#1e9646', 600, 800),
      await drawPhoto(page, 'blue.jpg', '#1e3cc8', 700, 700),
    ];
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add photos' }).click();
    await (await chooser).setFiles(photos);
    const tiles = page.getByRole('list', { name: /Photos/ });
    // A tile shows the server's own variant, named "Photo n", once processing is done.
    await expect(tiles.getByRole('img')).toHaveCount(3, { timeout: 60_000 });
    await expect(page.getByText(/Uploading|Processing/)).toHaveCount(0);

    // Blue moves before green: red, blue, green.
    await page.getByRole('button', { name: 'Move photo 3 left' }).click();
    await expect(page.getByRole('button', { name: 'Move photo 2 left' })).toBeFocused();

    // The rest of the form.
    await page.getByLabel('Title').fill('Cotton summer dress');
    await page.getByLabel(/Description/).fill('Worn twice. Fully lined.');
    for (const name of ['Women', 'Clothing', 'Dresses']) {
      await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
    }
    await page.getByRole('combobox', { name: /Brand/ }).fill('Nik');
    await page.getByRole('option', { name: 'Nike', exact: true }).click();
    await expect(page.getByLabel('Size')).toBeEnabled();
    await page.getByLabel('Size').selectOption({ index: 3 });
    await page.getByRole('radio', { name: 'Very good' }).click();
    await page.getByRole('group', { name: 'Colours' }).getByText('Red', { exact: true }).click();
    await expect(page.getByRole('checkbox', { name: 'Red' })).toBeChecked();
    await page.getByLabel('Price (€)').fill('12,50');
    await page.getByLabel('Country').selectOption('FR');
    await page.getByLabel('Town or city').fill('Lyon');
    await page.getByRole('button', { name: 'Publish' }).click();

    await expect(page).toHaveURL(/\/items\/[0-9a-f-]{36}$/);
    await expect(page.getByText('Your listing is live.')).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Cotton summer dress' }),
    ).toBeVisible();
    await expect(page.getByText('€12.50')).toBeVisible();
    const itemPath = new URL(page.url()).pathname;

    // The API has the photos in the order chosen.
    const listing = (await (await request.get(`/api/v1${itemPath}`)).json()) as {
      images: ListingImage[];
    };
    expect(listing.images.map((image) => mainChannel(image.dominant_color))).toEqual([
      'red',
      'blue',
      'green',
    ]);

    // Another member sees each photo, loaded from one of its variants.
    const buyer = await signedInMember(browser, 'buyer');
    await buyer.goto(itemPath);
    await expect(
      buyer.getByRole('heading', { level: 1, name: 'Cotton summer dress' }),
    ).toBeVisible();
    await expect(buyer.getByRole('link', { name: 'Edit listing' })).toHaveCount(0);
    const thumbnails = buyer.getByRole('list', { name: 'All photos' });
    for (const [index, image] of listing.images.entries()) {
      const variants = Object.values(image.variants);
      const webp = variants.map((variant) => pathOf(variant.webp));
      const allFiles = variants.flatMap((variant) => [variant.webp, variant.jpeg]).map(pathOf);
      await thumbnails.getByRole('button', { name: `Show photo ${index + 1}` }).click();
      const shown = buyer.getByRole('img', {
        name: `Cotton summer dress, photo ${index + 1} of 3`,
      });
      const source = shown.locator('xpath=preceding-sibling::source');
      await expect(source).toHaveAttribute('type', 'image/webp');
      // One candidate per width: a photo is never upscaled, so small ones repeat a width.
      const candidates = ((await source.getAttribute('srcset')) ?? '')
        .split(', ')
        .map((candidate) => candidate.split(' '));
      expect(new Set(candidates.map(([, width]) => width))).toEqual(
        new Set(variants.map((variant) => `${variant.width}w`)),
      );
      for (const [url = ''] of candidates) expect(webp).toContain(pathOf(url));
      expect(allFiles).toContain(await loadedSource(shown));
      expect(allFiles).toContain(await loadedSource(thumbnails.locator('img').nth(index)));
    }

    // The seller lowers the price; the listing shows it.
    await page.getByRole('link', { name: 'Edit listing' }).click();
    await expect(page.getByLabel('Price (€)')).toHaveValue('12.50');
    await page.getByLabel('Price (€)').fill('9.99');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`${itemPath}$`));
    await expect(page.getByText('Your changes are saved.')).toBeVisible();
    await expect(page.getByText('€9.99')).toBeVisible();
    await buyer.reload();
    await expect(buyer.getByText('€9.99')).toBeVisible();

    // It is in the seller's listings and on their profile.
    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'My listings' }).click();
    await expect(
      page.getByRole('list', { name: 'Your listings for sale' }).getByRole('link', {
        name: 'Cotton summer dress',
      }),
    ).toBeVisible();
    await buyer.goto(`/members/${username}`);
    await expect(
      buyer
        .getByRole('list', { name: `Listings by @${username}` })
        .getByRole('link', { name: 'Cotton summer dress' }),
    ).toBeVisible();

    // Nothing overflows on a phone.
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [itemPath, '/sell', '/my/listings', `/members/${username}`]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `scrollWidth of ${path}`).toBeLessThanOrEqual(360);
    }
    await buyer.context().close();
  });
});
