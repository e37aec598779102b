import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../test/fetch-stub';
import { aMember, errorResponse } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz';

describe('VerifyEmailPage', () => {
  it('confirms the address once, even when React runs effects twice', async () => {
    const fetchMock = stubFetch((request) =>
      new URL(request.url).pathname === '/api/v1/me'
        ? errorResponse(401, 'not_authenticated', 'Sign in to do this.')
        : Response.json({ email: 'ada@example.com' }),
    );
    renderRoute(`/verify-email?token=${TOKEN}`, { strict: true });

    expect(await screen.findByRole('heading', { name: 'Email confirmed' })).toBeInTheDocument();
    expect(screen.getByText('ada@example.com')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in to continue' })).toHaveAttribute(
      'href',
      '/login',
    );
    const calls = requestedCalls(fetchMock);
    expect(calls.filter((call) => call === 'POST /api/v1/auth/verify-email')).toHaveLength(1);
    const [request] = fetchMock.mock.calls[0] ?? [];
    expect(await (request as Request).json()).toEqual({ token: TOKEN });
  });

  it('lets a signed-in member continue, and refreshes who they are', async () => {
    const fetchMock = stubFetch((request) =>
      new URL(request.url).pathname === '/api/v1/me'
        ? Response.json(aMember())
        : Response.json({ email: 'ada@example.com' }),
    );
    renderRoute(`/verify-email?token=${TOKEN}`, { me: aMember({ email_verified: false }) });

    expect(await screen.findByRole('link', { name: 'Continue' })).toHaveAttribute('href', '/');
    expect(requestedCalls(fetchMock)).toContain('GET /api/v1/me');
  });

  it('explains what to do when the link is used or expired', async () => {
    stubFetch(() => errorResponse(400, 'invalid_token', 'This link is not valid.'));
    renderRoute(`/verify-email?token=${TOKEN}`);

    expect(
      await screen.findByRole('heading', { name: 'This link is invalid or has expired' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Sign in, then use “Resend the link”/)).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/login',
    );
  });

  it('treats a link without a token as invalid, without asking the server', async () => {
    const fetchMock = stubFetch(() => Response.json({}));
    renderRoute('/verify-email');

    expect(
      await screen.findByRole('heading', { name: 'This link is invalid or has expired' }),
    ).toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toEqual([]);
  });
});
