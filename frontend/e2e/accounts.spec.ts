import { expect, type Page, test } from '@playwright/test';
import { emailedLink, newIdentity, signIn } from './support';

async function openAccountMenu(page: Page) {
  await page.getByRole('button', { name: 'Account menu' }).click();
}

test.describe('accounts', () => {
  test('sign up, confirm, edit the profile, sign out, reset the password', async ({
    page,
    request,
  }) => {
    const { email, username, password } = newIdentity('journey');
    const newPassword = 'a brand new secret phrase';

    // Sign up.
    await page.goto('/signup');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Username').fill(username);
    await page.getByLabel(/Display name/).fill('Journey Tester');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();

    // Confirm the address from the emailed link.
    await page.goto(await emailedLink(request, email, '/verify-email'));
    await expect(page.getByRole('heading', { name: 'Email confirmed' })).toBeVisible();
    await page.getByRole('link', { name: 'Sign in to continue' }).click();

    // Sign in.
    await expect(page).toHaveURL(/\/login$/);
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Email confirmation' })).toHaveCount(0);

    // Edit the profile.
    await openAccountMenu(page);
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await page.getByLabel('Display name').fill('Camille Journey');
    await page.getByLabel(/Bio/).fill('Film cameras and vintage denim.');
    await page.getByLabel('Country').selectOption('FR');
    await page.getByLabel('Town or city').fill('Lyon');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByRole('status').getByText('Your profile is saved.')).toBeVisible();

    // The public profile shows the changes.
    await openAccountMenu(page);
    await page.getByRole('menuitem', { name: 'Your profile' }).click();
    await expect(page).toHaveURL(new RegExp(`/members/${username}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Camille Journey' })).toBeVisible();
    await expect(page.getByText(`@${username}`)).toBeVisible();
    await expect(page.getByText('Film cameras and vintage denim.')).toBeVisible();
    await expect(page.getByText('Lyon, France')).toBeVisible();
    await expect(page.getByText(/^Joined \w+ \d{4}$/)).toBeVisible();
    await expect(page.getByText('No reviews yet')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit profile' })).toBeVisible();

    // Sign out.
    await openAccountMenu(page);
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByText('You are signed out.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

    // Forgot the password: ask for a link, and choose a new one from it.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    // The sign-in form has an Email field too: fill this page's once the sign-in is gone.
    await expect(page.getByRole('button', { name: 'Send the reset link' })).toBeVisible();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send the reset link' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText(
      `If an account uses ${email}`,
    );

    await page.goto(await emailedLink(request, email, '/reset-password'));
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Confirm the new password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();

    // The old password no longer works; the new one does.
    await signIn(page, email, password);
    await expect(page.getByRole('alert')).toContainText('do not match');
    await page.getByLabel('Password', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });

  test('settings send a visitor to sign in, and back afterwards', async ({ page, request }) => {
    const { email, username, password } = newIdentity('back');
    const created = await request.post('/api/v1/auth/register', {
      data: { email, username, password },
    });
    expect(created.status()).toBe(201);

    await page.goto('/settings');

    await expect(page).toHaveURL(/\/login\?next=%2Fsettings$/);
    await signIn(page, email, password);
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Profile' })).toBeVisible();
    await expect(page.getByLabel('Display name')).toHaveValue(username);
    // Not confirmed yet: the banner says so and can send the link again.
    const banner = page.getByRole('complementary', { name: 'Email confirmation' });
    await banner.getByRole('button', { name: 'Resend the link' }).click();
    await expect(banner).toContainText(`We sent a new link to ${email}.`);
  });
});
