import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../test/fetch-stub';
import { aMember, errorResponse } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

async function fillIn(user: ReturnType<typeof renderRoute>['user']) {
  await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Username'), 'ada');
  await user.type(screen.getByLabelText(/Display name/), 'Ada Lovelace');
  await user.type(screen.getByLabelText('Password'), 'analytical engine');
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('SignupPage', () => {
  it('creates the account and sends the member to check their email', async () => {
    const fetchMock = stubFetch(() =>
      Response.json(aMember({ email_verified: false }), { status: 201 }),
    );
    const { router, user } = renderRoute('/signup');

    await fillIn(user);

    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?email=ada%40example.com');
    expect(screen.getByText('ada@example.com')).toBeInTheDocument();
    const [request] = fetchMock.mock.calls[0] ?? [];
    expect(await (request as Request).json()).toEqual({
      email: 'ada@example.com',
      username: 'ada',
      display_name: 'Ada Lovelace',
      password: 'analytical engine',
    });
  });

  it('shows a taken email next to the email field', async () => {
    stubFetch(() =>
      errorResponse(409, 'email_taken', 'An account with this email already exists.', {
        fields: [{ field: 'email', message: 'An account with this email already exists.' }],
      }),
    );
    const { user } = renderRoute('/signup');

    await fillIn(user);

    const email = screen.getByLabelText('Email');
    expect(await screen.findByText('An account with this email already exists.')).toBeVisible();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('An account with this email already exists.');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a refused password next to the password field, under the rule', async () => {
    const message = 'This password is too common; choose one that others are unlikely to use.';
    stubFetch(() =>
      errorResponse(422, 'weak_password', message, { fields: [{ field: 'password', message }] }),
    );
    const { user } = renderRoute('/signup');

    await fillIn(user);

    const password = screen.getByLabelText('Password');
    expect(await screen.findByText(message)).toBeVisible();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(expect.stringContaining(message));
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
  });

  it('checks the rules before asking the server', async () => {
    const fetchMock = stubFetch(() => Response.json({}));
    const { user } = renderRoute('/signup');

    await user.type(await screen.findByLabelText('Username'), '_ada');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Enter your email address.')).toBeVisible();
    expect(screen.getByText('Start and end with a letter or a digit.')).toBeVisible();
    expect(screen.getByText('Use at least 10 characters.')).toBeVisible();
    expect(requestedCalls(fetchMock)).toEqual([]);
  });

  it('shows and hides the password', async () => {
    const { user } = renderRoute('/signup');
    const password = await screen.findByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');

    await user.click(screen.getByRole('button', { name: 'Show password' }));

    expect(password).toHaveAttribute('type', 'text');
    expect(screen.getByRole('button', { name: 'Hide password' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});
