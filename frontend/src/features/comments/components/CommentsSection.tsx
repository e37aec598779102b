import { ChatBubbleLeftRightIcon } from '@heroicons/react/24/outline';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { LoadMore } from '../../../components/ui/LoadMore';
import { Spinner } from '../../../components/ui/Spinner';
import { TextLink } from '../../../components/ui/TextLink';
import { formErrorMessage } from '../../../lib/form-errors';
import { useMe } from '../../auth/hooks/useMe';
import { useSignInHref } from '../../auth/hooks/useSignInRedirect';
import type { ItemDetail } from '../../listings/api/items';
import { useComments } from '../hooks/useComments';
import { CommentComposer } from './CommentComposer';
import { CommentThread } from './CommentThread';

const COMMENTS_ANCHOR = 'comments';

function Threads({ itemId, canReply }: { itemId: string; canReply: boolean }) {
  const pages = useComments(itemId);
  const { data, error, hasNextPage, isFetchingNextPage, isFetchNextPageError } = pages;
  if (!data) {
    return error ? (
      <FormAlert>
        {formErrorMessage(error)}{' '}
        <Button variant="ghost" size="sm" onClick={() => void pages.refetch()}>
          Try again
        </Button>
      </FormAlert>
    ) : (
      <p role="status" className="flex items-center gap-3 text-stone-700">
        <Spinner />
        Loading comments…
      </p>
    );
  }
  const threads = data.pages.flatMap((page) => page.items);
  if (threads.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-stone-600">
        <ChatBubbleLeftRightIcon className="size-5 text-stone-400" aria-hidden="true" />
        No comments yet. Ask the seller a question, or say what you like about it.
      </p>
    );
  }
  return (
    <>
      <ul aria-label="Comments" className="space-y-6">
        {threads.map((thread) => (
          <li key={thread.id}>
            <CommentThread thread={thread} canReply={canReply} />
          </li>
        ))}
      </ul>
      <LoadMore
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        error={isFetchNextPageError ? error : null}
        onLoadMore={() => void pages.fetchNextPage()}
      />
    </>
  );
}

/**
 * The comments under a listing. Anyone reads them; members write while the listing is
 * for sale or reserved, visitors get a link to sign in and come back here.
 */
export function CommentsSection({ item }: { item: ItemDetail }) {
  const { data: member } = useMe();
  const signInHref = useSignInHref();
  const { hash } = useLocation();
  const section = useRef<HTMLElement>(null);
  const commentable = item.status === 'active' || item.status === 'reserved';

  // Notifications link here (#comments); the router only scrolls to anchors on screen
  // when it navigates, and this section shows once the listing has loaded.
  useEffect(() => {
    if (hash === `#${COMMENTS_ANCHOR}`) section.current?.scrollIntoView();
  }, [hash]);

  let compose;
  if (!member) {
    compose = (
      <p className="text-sm text-stone-700">
        <TextLink to={signInHref}>Sign in to comment</TextLink>
      </p>
    );
  } else if (commentable) {
    compose = <CommentComposer itemId={item.id} />;
  } else {
    compose = <p className="text-sm text-stone-600">This listing no longer takes comments.</p>;
  }

  return (
    <section
      ref={section}
      id={COMMENTS_ANCHOR}
      aria-labelledby="comments-heading"
      className="max-w-2xl scroll-mt-24 space-y-6"
    >
      <h2 id="comments-heading" className="text-xl font-bold tracking-tight text-stone-900">
        Comments{' '}
        <span className="text-base font-semibold text-stone-500 tabular-nums">
          ({item.counts.comments})
        </span>
      </h2>
      {compose}
      <Threads itemId={item.id} canReply={Boolean(member) && commentable} />
    </section>
  );
}
