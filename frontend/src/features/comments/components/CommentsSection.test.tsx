import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../../../test/fetch-stub';
import { aComment, aMember, anItem, aPage, errorResponse } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';
import type { Comment } from '../api/comments';

const item = anItem({ counts: { likes: 0, saves: 0, comments: 1, views: 0 } });
const ITEM_URL = `/items/${item.id}`;
const COMMENTS_PATH = `/api/v1/items/${item.id}/comments`;

/** The listing and its comments; `other` answers anything else. */
function stubComments(
  comments: Comment[],
  other: (request: Request) => Response | Promise<Response> = () =>
    new Response(null, { status: 500 }),
) {
  return stubFetch((request) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'GET' && pathname === COMMENTS_PATH) {
      return Response.json(aPage(comments));
    }
    if (request.method === 'GET' && pathname === `/api/v1/items/${item.id}`) {
      return Response.json(item);
    }
    return other(request);
  });
}

describe('CommentsSection', () => {
  it('links mentions of members, and keeps every other @word and any markup as text', async () => {
    stubComments([
      aComment({
        body: 'Thanks @Ada! Ask @nobody or mail me@example.com <b>now</b>',
        mentions: ['ada'],
      }),
    ]);
    renderRoute(ITEM_URL);

    const comments = await screen.findByRole('list', { name: 'Comments' });
    expect(within(comments).getByRole('link', { name: '@Ada' })).toHaveAttribute(
      'href',
      '/members/ada',
    );
    expect(within(comments).queryByRole('link', { name: '@nobody' })).not.toBeInTheDocument();
    expect(within(comments).getByText(/or mail me@example.com <b>now<\/b>/)).toBeVisible();
    expect(comments.querySelector('b')).toBeNull();
  });

  it('shows a deleted comment that has replies as deleted, with its replies', async () => {
    const reply = aComment({ id: 'r-1', parent_id: 'c-1', body: 'Sold already?' });
    stubComments([
      aComment({
        id: 'c-1',
        deleted: true,
        body: '',
        author: null,
        reply_count: 1,
        replies: [reply],
      }),
    ]);
    renderRoute(ITEM_URL, { me: aMember() });

    expect(await screen.findByText('This comment was deleted')).toBeVisible();
    expect(screen.getByText('Sold already?')).toBeVisible();
    // Nobody can reply in a thread whose first comment is gone.
    expect(screen.queryByRole('button', { name: /Reply to/ })).not.toBeInTheDocument();
  });

  it('invites visitors to sign in to comment, and back here after', async () => {
    stubComments([aComment()]);
    renderRoute(ITEM_URL);

    expect(await screen.findByRole('link', { name: 'Sign in to comment' })).toHaveAttribute(
      'href',
      `/login?next=${encodeURIComponent(ITEM_URL)}`,
    );
    expect(screen.queryByRole('textbox', { name: 'Add a comment' })).not.toBeInTheDocument();
  });

  it('posts with Ctrl+Enter and shows the new comment last', async () => {
    const posted = aComment({ id: 'c-new', body: 'Would you take €20?', author: aMember() });
    const fetchMock = stubComments([aComment()], () => Response.json(posted, { status: 201 }));
    const { user } = renderRoute(ITEM_URL, { me: aMember() });

    const box = await screen.findByRole('textbox', { name: 'Add a comment' });
    await user.type(box, 'Would you take €20?');
    expect(screen.getByText('19/1000')).toBeInTheDocument();
    await user.keyboard('{Control>}{Enter}{/Control}');

    const comments = await screen.findByRole('list', { name: 'Comments' });
    await waitFor(() => {
      expect(within(comments).getAllByRole('article')).toHaveLength(2);
    });
    expect(within(comments).getAllByRole('article')[1]).toHaveTextContent('Would you take €20?');
    expect(box).toHaveValue('');
    expect(screen.getByRole('heading', { name: /Comments/ })).toHaveTextContent('(2)');
    const post = fetchMock.mock.calls.find(([request]) => (request as Request).method === 'POST');
    expect(await (post?.[0] as Request).json()).toEqual({
      body: 'Would you take €20?',
      parent_id: null,
    });
  });

  it.each([
    [
      'too fast',
      errorResponse(429, 'rate_limited', 'Too many requests.', null, { 'Retry-After': '60' }),
      'You are commenting very fast. Try again in 1 minute.',
    ],
    [
      'blocked',
      errorResponse(403, 'member_blocked', 'A block prevents this.'),
      'You cannot comment here: a block between you and this member prevents it.',
    ],
    [
      'closed',
      errorResponse(409, 'item_not_commentable', 'No more comments.'),
      'This listing no longer takes comments.',
    ],
  ])('says why a comment was refused: %s', async (_, refusal, message) => {
    stubComments([], () => refusal);
    const { user } = renderRoute(ITEM_URL, { me: aMember() });

    await user.type(await screen.findByRole('textbox', { name: 'Add a comment' }), 'Hello');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('textbox', { name: 'Add a comment' })).toHaveValue('Hello');
  });

  it('loads every reply of a thread when asked, and replies with a mention', async () => {
    const replies = Array.from({ length: 5 }, (_, index) =>
      aComment({ id: `r-${index}`, parent_id: 'c-1', body: `Reply number ${index + 1}` }),
    );
    const thread = aComment({ id: 'c-1', reply_count: 5, replies: replies.slice(0, 3) });
    const fetchMock = stubComments([thread], (request) =>
      request.method === 'GET'
        ? Response.json(aPage(replies))
        : Response.json(
            aComment({ id: 'r-new', parent_id: 'c-1', body: '@grace yes', mentions: ['grace'] }),
            { status: 201 },
          ),
    );
    const { user } = renderRoute(ITEM_URL, { me: aMember() });

    await user.click(await screen.findByRole('button', { name: 'View all 5 replies' }));
    expect(await screen.findByText('Reply number 5')).toBeVisible();
    expect(requestedCalls(fetchMock)).toContain('GET /api/v1/comments/c-1/replies');

    const [replyToThread] = screen.getAllByRole('button', { name: 'Reply to Grace Hopper' }) as [
      HTMLElement,
    ];
    await user.click(replyToThread);
    const box = screen.getByRole('textbox', { name: 'Reply to Grace Hopper' });
    expect(box).toHaveValue('@grace ');
    expect(box).toHaveFocus();
    await user.type(box, 'yes');
    await user.click(screen.getByRole('button', { name: 'Reply' }));

    expect(await screen.findByRole('link', { name: '@grace' })).toHaveAttribute(
      'href',
      '/members/grace',
    );
    expect(screen.queryByRole('textbox', { name: 'Reply to Grace Hopper' })).toBeNull();
  });

  it('edits in place and marks the comment edited', async () => {
    const mine = aComment({ author: aMember(), can_edit: true, can_delete: true });
    stubComments([mine], () =>
      Response.json({ ...mine, body: 'Still for sale?', edited_at: '2026-11-24T09:05:00Z' }),
    );
    const { user } = renderRoute(ITEM_URL, { me: aMember() });

    await user.click(await screen.findByRole('button', { name: 'Edit your comment' }));
    const box = screen.getByRole('textbox', { name: 'Edit your comment' });
    await user.clear(box);
    await user.type(box, 'Still for sale?');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Still for sale?')).toBeVisible();
    expect(screen.getByText('· edited')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Edit your comment' })).toHaveFocus();
  });

  it('deletes after confirming', async () => {
    const mine = aComment({ author: aMember(), can_delete: true });
    const fetchMock = stubComments([mine], () => new Response(null, { status: 204 }));
    const { user } = renderRoute(ITEM_URL, { me: aMember() });

    await user.click(await screen.findByRole('button', { name: 'Delete comment by Ada Lovelace' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Delete this comment?' }));
    await user.click(dialog.getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText(/No comments yet/)).toBeVisible();
    expect(requestedCalls(fetchMock)).toContain(`DELETE /api/v1/comments/${mine.id}`);
  });
});
