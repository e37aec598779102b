import { expect, test } from '@playwright/test';

test.describe('app shell', () => {
  test('home page has the header, search box and footer', async ({ page }) => {
    await page.goto('/');

    await expect(
      page.getByRole('heading', { level: 1, name: 'Give good things a second life.' }),
    ).toBeVisible();
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: 'Reloop home' })).toBeVisible();
    await expect(header.getByRole('combobox', { name: 'Search Reloop' })).toBeVisible();
    await expect(header.getByRole('link', { name: 'Sell' })).toHaveAttribute('href', '/sell');
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByRole('link', { name: 'System status' })).toBeVisible();
    await expect(footer.getByRole('link', { name: 'API docs' })).toHaveAttribute(
      'href',
      '/api/docs',
    );
  });

  test('submitting the search box goes to /search?q=...', async ({ page }) => {
    await page.goto('/');

    const search = page.getByRole('combobox', { name: 'Search Reloop' });
    await search.fill('vintage denim');
    await search.press('Enter');

    await expect(page).toHaveURL(/\/search\?q=vintage\+denim$/);
    await expect(page.getByRole('combobox', { name: 'Search Reloop' })).toHaveValue(
      'vintage denim',
    );
  });

  test('an unknown path shows the 404 page', async ({ page }) => {
    await page.goto('/this/page/does-not-exist');

    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('the status page shows database, redis and broker as OK', async ({ page }) => {
    await page.goto('/status');

    await expect(page.getByText('All systems operational')).toBeVisible();
    for (const name of ['database', 'redis', 'broker']) {
      const row = page.getByRole('listitem', { name: new RegExp(`\\b${name}\\b`) });
      await expect(row.getByText('OK', { exact: true })).toBeVisible();
    }
    await expect(page.getByText('Down', { exact: true })).toHaveCount(0);
  });

  test('nothing overflows horizontally at 360 px', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });

    for (const path of [
      '/',
      '/status',
      '/search?q=a-very-long-query-without-spaces-at-all',
      '/nope',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `scrollWidth of ${path}`).toBeLessThanOrEqual(360);
    }
  });
});
