import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../../../../test/fetch-stub';
import { aMember, errorResponse } from '../../../../test/fixtures';
import { renderRoute } from '../../../../test/render-route';

const member = aMember({ bio: 'Old bio', location: { country: 'FR', city: 'Paris' } });

describe('ProfileSettings', () => {
  it('sends only what changed and says it is saved', async () => {
    const fetchMock = stubFetch(async (request) =>
      Response.json({ ...member, ...((await request.clone().json()) as object) }),
    );
    const { user } = renderRoute('/settings', { me: member });

    const city = await screen.findByLabelText('Town or city');
    expect(screen.getByLabelText('Country')).toHaveValue('FR');
    await user.clear(city);
    await user.type(city, 'Lyon');
    await user.clear(screen.getByLabelText(/Bio/));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Your profile is saved.')).toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toEqual(['PATCH /api/v1/me']);
    const [request] = fetchMock.mock.calls[0] ?? [];
    expect(await (request as Request).json()).toEqual({
      bio: null,
      location: { country: 'FR', city: 'Lyon' },
    });
  });

  it('clears the location when the country is set to not shown', async () => {
    const fetchMock = stubFetch(() => Response.json({ ...member, location: null }));
    const { user } = renderRoute('/settings', { me: member });

    await user.selectOptions(await screen.findByLabelText('Country'), 'Not shown');
    await user.clear(screen.getByLabelText('Town or city'));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Your profile is saved.')).toBeInTheDocument();
    const [request] = fetchMock.mock.calls[0] ?? [];
    expect(await (request as Request).json()).toEqual({ location: null });
  });

  it('asks for a city when a country is chosen', async () => {
    const fetchMock = stubFetch(() => Response.json(member));
    const { user } = renderRoute('/settings', { me: aMember() });

    await user.selectOptions(await screen.findByLabelText('Country'), 'Germany');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByLabelText('Town or city')).toHaveAccessibleDescription(
      'Enter your town or city, or set the country to “Not shown”.',
    );
    expect(requestedCalls(fetchMock)).toEqual([]);
  });

  it('puts a nested server error on its field', async () => {
    const message = 'Use a two-letter ISO country code, such as FR or GB.';
    stubFetch(() =>
      errorResponse(422, 'validation_failed', 'Some fields are not valid.', {
        fields: [{ field: 'location.country', message }],
      }),
    );
    const { user } = renderRoute('/settings', { me: member });

    const city = await screen.findByLabelText('Town or city');
    await user.type(city, 'x');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText(message)).toBeVisible();
    expect(screen.getByLabelText('Country')).toHaveAttribute('aria-invalid', 'true');
  });
});
