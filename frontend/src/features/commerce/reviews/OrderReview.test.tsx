import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anOrder, aReview, grace } from '../../../test/commerce-fixtures';
import { aMember } from '../../../test/fixtures';
import { stubOrder } from '../../../test/order-stub';
import { renderRoute } from '../../../test/render-route';

const asSeller = { me: aMember({ id: grace.id, username: 'grace', display_name: 'Grace Hopper' }) };

describe('Order review', () => {
  it('takes a review of one to five stars once complete', async () => {
    const review = aReview({ rating: 4, text: 'Good coat.' });
    stubOrder(
      anOrder({ status: 'completed', actions: ['review'] }),
      async (request) => {
        expect(await request.json()).toEqual({ rating: 4, text: 'Good coat.' });
        return Response.json(review);
      },
      anOrder({ status: 'completed', review }),
    );
    const { user } = renderRoute(`/orders/${anOrder().id}`, { me: aMember() });

    const form = await screen.findByRole('form', { name: 'Review Grace Hopper' });
    await user.click(within(form).getByRole('button', { name: 'Post review' }));
    expect(within(form).getByRole('group', { name: 'Rating' })).toHaveAccessibleDescription(
      'Choose from 1 to 5 stars.',
    );
    const stars = within(form).getAllByRole('radio');
    expect(stars).toHaveLength(5);
    await user.click(within(form).getByRole('radio', { name: '4 stars, Very good' }));
    await user.type(within(form).getByLabelText(/Your review/), 'Good coat.');
    await user.click(within(form).getByRole('button', { name: 'Post review' }));

    const posted = await screen.findByRole('region', { name: 'Review' });
    expect(within(posted).getByRole('img', { name: '4 out of 5 stars' })).toBeVisible();
    expect(posted).toHaveTextContent('Good coat.');
  });

  it('lets the seller reply to the review, once', async () => {
    const review = aReview();
    const replied = { ...review, reply: 'Thank you!', replied_at: review.created_at };
    stubOrder(
      anOrder({ role: 'seller', status: 'completed', review, actions: ['reply'] }),
      () => Response.json(replied),
      anOrder({ role: 'seller', status: 'completed', review: replied }),
    );
    const { user } = renderRoute(`/orders/${anOrder().id}`, asSeller);

    await user.type(await screen.findByLabelText('Your reply'), 'Thank you!');
    await user.click(screen.getByRole('button', { name: 'Post reply' }));

    expect(await screen.findByText('Reply from Grace Hopper')).toBeVisible();
    expect(screen.getByText('Thank you!')).toBeVisible();
    expect(screen.queryByLabelText('Your reply')).not.toBeInTheDocument();
  });
});
