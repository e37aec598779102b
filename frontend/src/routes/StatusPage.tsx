import { ArrowPathIcon } from '@heroicons/react/20/solid';
import { Button } from '../components/ui/Button';
import { StatusReport } from '../features/status/components/StatusReport';
import { READINESS_REFRESH_MS, useReadiness } from '../features/status/hooks/useReadiness';
import { useDocumentTitle } from '../lib/use-document-title';

export function StatusPage() {
  useDocumentTitle('System status');
  const { data, error, dataUpdatedAt, isFetching, refetch } = useReadiness();

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-14">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-stone-900">System status</h1>
          <p className="mt-2 text-stone-600">
            Live health of the services behind Reloop, checked every {READINESS_REFRESH_MS / 1000}{' '}
            seconds.
          </p>
        </div>
        {/* Stays enabled while fetching: disabling a focused button would drop keyboard focus. */}
        <Button variant="secondary" onClick={() => void refetch()}>
          <ArrowPathIcon
            className={`size-4 ${isFetching ? 'animate-spin' : ''}`}
            aria-hidden="true"
          />
          Refresh
        </Button>
      </div>
      <section
        aria-label="Current status"
        aria-live="polite"
        aria-busy={isFetching}
        className="mt-8"
      >
        <StatusReport readiness={data} error={error} checkedAt={dataUpdatedAt} />
      </section>
    </div>
  );
}
