import { ArrowPathIcon } from '@heroicons/react/20/solid';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { buttonClasses } from '../components/ui/button-styles';
import { Button } from '../components/ui/Button';
import { Wordmark } from '../components/ui/Logo';
import { ApiError } from '../lib/api-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { NotFoundPage } from './NotFoundPage';

interface ErrorPageProps {
  /** True when the layout itself failed, so this page has to bring its own frame. */
  standalone?: boolean;
}

/**
 * Route error element. It never shows the error's message or stack: those are for the
 * console and logs, and can leak internals. A request id is shown because it helps support.
 */
export function ErrorPage({ standalone = false }: ErrorPageProps) {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  // Parent effects run after the child's, so this must agree with NotFoundPage's title.
  useDocumentTitle(notFound ? 'Page not found' : 'Something went wrong');

  if (notFound) return <NotFoundPage />;

  const requestId = error instanceof ApiError ? error.requestId : null;
  const content = (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Something went wrong</h1>
      <p className="mt-4 text-base leading-7 text-stone-600">
        An unexpected problem stopped this page from loading. Trying again usually fixes it.
      </p>
      {requestId && <p className="mt-3 text-xs text-stone-500">Reference: {requestId}</p>}
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        {/* A full reload, because the failed render may have left in-memory state broken. */}
        <Button
          onClick={() => {
            window.location.reload();
          }}
        >
          <ArrowPathIcon className="size-4" aria-hidden="true" />
          Try again
        </Button>
        <a href="/" className={buttonClasses('secondary')}>
          Go to the home page
        </a>
      </div>
    </div>
  );

  if (!standalone) return content;
  return (
    <div className="min-h-dvh bg-stone-50">
      <div className="border-b border-stone-200 bg-white px-4 py-3 sm:px-6">
        <a href="/" aria-label="Reloop home" className="inline-block rounded-lg">
          <Wordmark />
        </a>
      </div>
      <main>{content}</main>
    </div>
  );
}
