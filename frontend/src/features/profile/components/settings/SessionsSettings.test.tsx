import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../../../../test/fetch-stub';
import { aMember, aSession } from '../../../../test/fixtures';
import { renderRoute } from '../../../../test/render-route';

const thisDevice = aSession({ id: 's-current', device: 'Chromium on Linux', current: true });
const phone = aSession({ id: 's-phone', device: 'Safari on iPhone', ip: '203.0.113.7' });

describe('SessionsSettings', () => {
  it('lists the devices and marks this one', async () => {
    stubFetch(() => Response.json({ items: [thisDevice, phone] }));
    renderRoute('/settings/sessions', { me: aMember() });

    const list = await screen.findByRole('list', { name: 'Signed-in devices' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    const [current, other] = rows as [HTMLElement, HTMLElement];
    expect(current).toHaveTextContent('Chromium on Linux');
    expect(within(current).getByText('This device')).toBeInTheDocument();
    expect(within(current).queryByRole('button')).not.toBeInTheDocument();
    expect(other).toHaveTextContent('Safari on iPhone');
    expect(other).toHaveTextContent('203.0.113.7');
    expect(within(other).queryByText('This device')).not.toBeInTheDocument();
  });

  it('signs another device out', async () => {
    const fetchMock = stubFetch((request) =>
      request.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : Response.json({ items: [thisDevice, phone] }),
    );
    const { user } = renderRoute('/settings/sessions', { me: aMember() });

    await user.click(await screen.findByRole('button', { name: 'Sign out Safari on iPhone' }));

    expect(await screen.findByText('That device is signed out.')).toBeInTheDocument();
    expect(screen.queryByText('Safari on iPhone')).not.toBeInTheDocument();
    expect(screen.getByText('Chromium on Linux')).toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toEqual([
      'GET /api/v1/auth/sessions',
      'DELETE /api/v1/auth/sessions/s-phone',
    ]);
  });

  it('signs out everywhere and goes home as a visitor', async () => {
    const fetchMock = stubFetch((request) => {
      if (request.method === 'POST') return new Response(null, { status: 204 });
      // The sessions, then the home page's popular listings (none).
      return new URL(request.url).pathname === '/api/v1/auth/sessions'
        ? Response.json({ items: [thisDevice] })
        : Response.json({ items: [], next_cursor: null });
    });
    const { router, user } = renderRoute('/settings/sessions', { me: aMember() });

    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));

    expect(await screen.findByText('You are signed out on every device.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toContain('POST /api/v1/auth/logout-all');
  });
});
