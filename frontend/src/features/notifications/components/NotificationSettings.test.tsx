import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '../../../test/fetch-stub';
import { aMember } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';
import type { NotificationSetting } from '../api/notifications';

const settings: NotificationSetting[] = [
  {
    type: 'like',
    channel: 'in_app',
    channels: ['in_app', 'email', 'off'],
    description: 'Someone likes one of your listings',
  },
  {
    type: 'digest',
    channel: 'email',
    channels: ['email', 'off'],
    description: 'Daily email of new listings from sellers you follow',
  },
];

describe('NotificationSettings', () => {
  it('offers only the channels each kind can use, with the current one chosen', async () => {
    stubFetch(() => Response.json({ settings }));
    renderRoute('/settings/notifications', { me: aMember() });

    const likes = within(
      await screen.findByRole('radiogroup', { name: 'Someone likes one of your listings' }),
    );
    expect(likes.getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual(
      ['In the app', 'App and email', 'Off'],
    );
    expect(likes.getByRole('radio', { name: 'In the app' })).toBeChecked();
    const digest = within(screen.getByRole('radiogroup', { name: /Daily email of new listings/ }));
    expect(digest.getAllByRole('radio')).toHaveLength(2);
    expect(digest.getByRole('radio', { name: 'Email' })).toBeChecked();
    expect(screen.getByRole('link', { name: 'Notifications' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('saves the chosen channels with PUT and says so', async () => {
    const fetchMock = stubFetch(async (request) => {
      if (request.method !== 'PUT') return Response.json({ settings });
      const { settings: chosen } = (await request.json()) as {
        settings: Record<string, NotificationSetting['channel']>;
      };
      return Response.json({
        settings: settings.map((setting) => ({ ...setting, channel: chosen[setting.type] })),
      });
    });
    const { user } = renderRoute('/settings/notifications', { me: aMember() });

    const likes = within(
      await screen.findByRole('radiogroup', { name: 'Someone likes one of your listings' }),
    );
    await user.click(likes.getByRole('radio', { name: 'Off' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Your notification settings are saved.')).toBeVisible();
    expect(likes.getByRole('radio', { name: 'Off' })).toBeChecked();
    const put = fetchMock.mock.calls
      .map(([request]) => request as Request)
      .find((request) => request.method === 'PUT');
    expect(put && new URL(put.url).pathname).toBe('/api/v1/me/notification-settings');
  });
});
