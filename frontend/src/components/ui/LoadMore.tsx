import { useEffect, useRef } from 'react';
import { formErrorMessage } from '../../lib/form-errors';
import { Button } from './Button';
import { Spinner } from './Spinner';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  /** Why the last page failed; loading then waits for the button. */
  error?: unknown;
}

/** How far below the screen the next page starts loading, so scrolling rarely waits. */
const PRELOAD_MARGIN = '800px 0px';

/**
 * The end of an infinite list. The next page loads by itself when this comes near the
 * screen (IntersectionObserver); the button does the same for keyboards, and for browsers
 * or failures where that does not happen.
 */
export function LoadMore({ hasMore, loading, onLoadMore, error }: LoadMoreProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  // The observer outlives renders; it calls whatever `onLoadMore` is current.
  const loadMore = useRef(onLoadMore);
  useEffect(() => {
    loadMore.current = onLoadMore;
  }, [onLoadMore]);

  const failed = Boolean(error);
  useEffect(() => {
    const node = sentinel.current;
    if (!node || !hasMore || loading || failed || typeof IntersectionObserver === 'undefined') {
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMore.current();
      },
      { rootMargin: PRELOAD_MARGIN },
    );
    observer.observe(node);
    return () => {
      observer.disconnect();
    };
  }, [hasMore, loading, failed]);

  if (!hasMore) return null;
  return (
    <div ref={sentinel} className="mt-10 flex flex-col items-center gap-3">
      {failed && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {formErrorMessage(error)}
        </p>
      )}
      <Button
        variant="secondary"
        aria-busy={loading}
        onClick={() => {
          if (!loading) onLoadMore();
        }}
      >
        {loading && <Spinner className="size-4" />}
        {failed ? 'Try again' : loading ? 'Loading…' : 'Load more'}
      </Button>
    </div>
  );
}
