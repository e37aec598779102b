import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anOrder, grace } from '../../../test/commerce-fixtures';
import { requestedCalls } from '../../../test/fetch-stub';
import { aMember } from '../../../test/fixtures';
import { ORDER_PATH, stubOrder } from '../../../test/order-stub';
import { renderRoute } from '../../../test/render-route';

const asSeller = { me: aMember({ id: grace.id, username: 'grace', display_name: 'Grace Hopper' }) };

describe('Order page', () => {
  it('shows the items, amounts, address and timeline, and no button without an action', async () => {
    stubOrder(anOrder());
    renderRoute(`/orders/${anOrder().id}`, { me: aMember() });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Order from Grace Hopper' }),
    ).toBeVisible();
    const amounts = screen.getByRole('region', { name: 'Amounts' });
    expect(within(amounts).getByText('Buyer protection').nextSibling).toHaveTextContent('€2.70');
    expect(within(amounts).getByText('Total').nextSibling).toHaveTextContent('€46.69');
    expect(screen.getByRole('region', { name: 'Delivery' })).toHaveTextContent('12 rue de la Paix');
    expect(screen.getByRole('region', { name: 'Timeline' })).toHaveTextContent('Paid by Reloop');
    expect(screen.queryByRole('region', { name: 'What you can do' })).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /Cancel|Confirm|Complete|Pay|problem/ }),
    ).not.toBeInTheDocument();
  });

  it('renders exactly the buttons the API lists in actions', async () => {
    stubOrder(anOrder({ status: 'shipped', actions: ['deliver', 'dispute'] }));
    renderRoute(`/orders/${anOrder().id}`, { me: aMember() });

    expect(await screen.findByRole('button', { name: 'Confirm delivery' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Report a problem' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Complete order' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel order' })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Mark as shipped' })).not.toBeInTheDocument();
  });

  it('lets the seller ship with a carrier and tracking number', async () => {
    const shipped = anOrder({
      role: 'seller',
      counterpart: anOrder().buyer,
      status: 'shipped',
      carrier: 'La Poste',
      tracking_number: 'LP123456789FR',
    });
    const fetchMock = stubOrder(
      anOrder({ role: 'seller', actions: ['ship', 'cancel'] }),
      async (request) => {
        expect(await request.json()).toEqual({
          carrier: 'La Poste',
          tracking_number: 'LP123456789FR',
        });
        return Response.json(shipped);
      },
    );
    const { user } = renderRoute(`/orders/${anOrder().id}`, asSeller);

    const form = await screen.findByRole('form', { name: 'Mark as shipped' });
    await user.click(within(form).getByRole('button', { name: 'Mark as shipped' }));
    expect(within(form).getByLabelText('Tracking number')).toHaveAccessibleDescription(
      'Enter the tracking number, so the buyer can follow the parcel.',
    );
    await user.type(within(form).getByLabelText('Carrier'), 'La Poste');
    await user.type(within(form).getByLabelText('Tracking number'), 'LP123456789FR');
    await user.click(within(form).getByRole('button', { name: 'Mark as shipped' }));

    expect(await screen.findByText('LP123456789FR')).toBeVisible();
    expect(screen.queryByRole('form', { name: 'Mark as shipped' })).not.toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toContain(`POST ${ORDER_PATH}/ship`);
  });

  it('asks before cancelling, and cancelling in the dialog sends it', async () => {
    const fetchMock = stubOrder(
      anOrder({ status: 'pending_payment', actions: ['pay', 'cancel'] }),
      () => Response.json(anOrder({ status: 'cancelled' })),
    );
    const { user } = renderRoute(`/orders/${anOrder().id}`, { me: aMember() });

    await user.click(await screen.findByRole('button', { name: 'Cancel order' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this order?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }));

    expect(await screen.findByText('Cancelled', { selector: 'span' })).toBeVisible();
    expect(requestedCalls(fetchMock)).toContain(`POST ${ORDER_PATH}/cancel`);
  });
});
