import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../../../test/fetch-stub';
import { aMember, aSavedSearch, taxonomyResponse } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';

const dresses = aSavedSearch();
const trainers = aSavedSearch({
  id: 'ss-2',
  name: 'Trainers under €50',
  query: { q: '', brand: ['b-1', 'b-2'], price_max: 5000, country: 'FR', radius_km: 25 },
  summary: 'Adidas, Nike · up to 50.00 EUR · FR',
  email_alerts: true,
});

function stubSavedSearches(saved = [dresses, trainers]) {
  return stubFetch((request) => {
    const taxonomy = taxonomyResponse(request);
    if (taxonomy) return taxonomy;
    if (request.method === 'DELETE') return new Response(null, { status: 204 });
    return Response.json({ items: saved });
  });
}

describe('SavedSearchList', () => {
  it('lists each saved search with what it looks for and a link to run it', async () => {
    stubSavedSearches();
    renderRoute('/saved-searches', { me: aMember() });

    const list = within(await screen.findByRole('list', { name: 'Your saved searches' }));
    const [first, second] = list.getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('heading', { name: 'Blue dresses' })).toBeInTheDocument();
    expect(within(first).getByText('“dress” · Women / Dresses · Blue')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'Run “Blue dresses”' })).toHaveAttribute(
      'href',
      '/search?q=dress&category=c-dresses&color=blue',
    );
    expect(second).toHaveTextContent('Adidas, Nike · up to 50.00 EUR · FR');
    expect(second).toHaveTextContent('Daily email');
    expect(document.title).toBe('Saved searches · Reloop');
  });

  it('deletes a saved search once confirmed', async () => {
    const fetchMock = stubSavedSearches();
    const { user } = renderRoute('/saved-searches', { me: aMember() });

    await user.click(await screen.findByRole('button', { name: 'Delete “Blue dresses”' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Delete this saved search?' }));
    await user.click(dialog.getByRole('button', { name: 'Delete' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(screen.queryByRole('heading', { name: 'Blue dresses' })).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Trainers under €50' })).toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toContain(`DELETE /api/v1/me/saved-searches/${dresses.id}`);
  });

  it('says how to save one when there are none', async () => {
    stubSavedSearches([]);
    renderRoute('/saved-searches', { me: aMember() });

    expect(
      await screen.findByRole('heading', { name: 'No saved searches yet' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Search listings' })).toHaveAttribute(
      'href',
      '/search',
    );
  });

  it('is linked from the member menu, and only for members', async () => {
    stubSavedSearches([]);
    const { user } = renderRoute('/status-of-nothing', { me: aMember() });

    await user.click(screen.getByRole('button', { name: 'Account menu' }));

    expect(screen.getByRole('menuitem', { name: 'Saved searches' })).toHaveAttribute(
      'href',
      '/saved-searches',
    );
  });

  it('sends visitors to sign in', () => {
    const { router } = renderRoute('/saved-searches');

    expect(router.state.location.pathname).toBe('/login');
  });
});
