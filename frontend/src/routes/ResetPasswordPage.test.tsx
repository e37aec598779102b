import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../test/fetch-stub';
import { errorResponse } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

const TOKEN = 'reset_abcdefghijklmnopqrstuvwxyz';

async function choose(user: ReturnType<typeof renderRoute>['user'], a: string, b: string) {
  await user.type(await screen.findByLabelText('New password'), a);
  await user.type(screen.getByLabelText('Confirm the new password'), b);
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('ResetPasswordPage', () => {
  it('sets the new password and offers to sign in', async () => {
    const fetchMock = stubFetch((request) =>
      new URL(request.url).pathname === '/api/v1/me'
        ? errorResponse(401, 'not_authenticated', 'Sign in to do this.')
        : new Response(null, { status: 204 }),
    );
    const { user } = renderRoute(`/reset-password?token=${TOKEN}`);

    await choose(user, 'a much better one', 'a much better one');

    expect(await screen.findByRole('heading', { name: 'Password changed' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Sign in' }).at(-1)).toHaveAttribute(
      'href',
      '/login',
    );
    const [request] = fetchMock.mock.calls[0] ?? [];
    expect(await (request as Request).json()).toEqual({
      token: TOKEN,
      password: 'a much better one',
    });
  });

  it('needs the two passwords to match', async () => {
    const fetchMock = stubFetch(() => new Response(null, { status: 204 }));
    const { user } = renderRoute(`/reset-password?token=${TOKEN}`);

    await choose(user, 'a much better one', 'a much better two');

    expect(await screen.findByText('The two passwords do not match.')).toBeVisible();
    expect(requestedCalls(fetchMock)).toEqual([]);
  });

  it('offers a new link when this one is used or expired', async () => {
    stubFetch(() => errorResponse(400, 'invalid_token', 'This link is not valid.'));
    const { user } = renderRoute(`/reset-password?token=${TOKEN}`);

    await choose(user, 'a much better one', 'a much better one');

    expect(await screen.findByRole('alert')).toHaveTextContent(/invalid or has expired/);
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });
});
