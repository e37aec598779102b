import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  aFacetValue,
  aMember,
  aSavedSearch,
  aSearchPage,
  errorResponse,
} from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';
import { stubSearch } from '../../../test/search-stub';

const page = aSearchPage({
  facets: {
    ...aSearchPage().facets,
    brands: [aFacetValue({ value: 'b-nike', label: 'Nike', selected: true })],
  },
});

describe('SaveSearchButton', () => {
  it('sends visitors to sign in, and back to this search afterwards', async () => {
    stubSearch(() => page);
    const { router, user } = renderRoute('/search?q=trainers&brand=b-nike');

    await user.click(await screen.findByRole('button', { name: 'Save search' }));

    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      '/search?q=trainers&brand=b-nike',
    );
  });

  it('saves the search under the name offered, with email alerts if asked', async () => {
    const bodies: unknown[] = [];
    stubSearch(
      () => page,
      async (request) => {
        if (request.method !== 'POST') return null;
        bodies.push(await request.json());
        return Response.json(aSavedSearch(), { status: 201 });
      },
    );
    const { user } = renderRoute('/search?q=trainers&brand=b-nike', { me: aMember() });
    await screen.findByRole('button', { name: 'Remove filter: Nike' });

    await user.click(screen.getByRole('button', { name: 'Save search' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Save this search' }));
    expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('trainers · Nike');
    await user.click(
      dialog.getByRole('checkbox', { name: 'Also email me a daily summary of new matches' }),
    );
    await user.click(dialog.getByRole('button', { name: 'Save search' }));

    expect(
      await screen.findByText(
        'Search saved. New listings that match “trainers · Nike” will show in your notifications.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(bodies).toEqual([
      {
        name: 'trainers · Nike',
        query: expect.objectContaining({ q: 'trainers', brand: ['b-nike'], size: [] }) as unknown,
        email_alerts: true,
      },
    ]);
  });

  it('offers a name that follows the names of the filters as the results bring them', async () => {
    let showResults: () => void = () => undefined;
    const resultsShown = new Promise<void>((resolve) => {
      showResults = resolve;
    });
    stubSearch(async () => {
      await resultsShown;
      return Response.json(page);
    });
    const { user } = renderRoute('/search?q=trainers&brand=b-nike', { me: aMember() });

    await user.click(screen.getByRole('button', { name: 'Save search' }));
    const name = within(await screen.findByRole('dialog')).getByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('trainers · 1 brand');
    showResults();

    await waitFor(() => {
      expect(name).toHaveValue('trainers · Nike');
    });
  });

  it('says why a search was not saved, and keeps the dialog open', async () => {
    stubSearch(
      () => page,
      (request) =>
        request.method === 'POST'
          ? errorResponse(409, 'saved_search_limit', 'You have saved as many searches as you can.')
          : null,
    );
    const { user } = renderRoute('/search?q=trainers', { me: aMember() });

    await user.click(await screen.findByRole('button', { name: 'Save search' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Save this search' }));
    await user.clear(dialog.getByRole('textbox', { name: 'Name' }));
    await user.click(dialog.getByRole('button', { name: 'Save search' }));
    expect(dialog.getByText('Give the search a name.')).toBeInTheDocument();

    await user.type(dialog.getByRole('textbox', { name: 'Name' }), 'Runners');
    await user.click(dialog.getByRole('button', { name: 'Save search' }));

    await waitFor(() => {
      expect(dialog.getByRole('alert')).toHaveTextContent(
        'You have saved as many searches as you can.',
      );
    });
  });
});
