import { ExclamationTriangleIcon, SignalSlashIcon } from '@heroicons/react/24/outline';
import { Spinner } from '../../../components/ui/Spinner';
import { ApiError } from '../../../lib/api-error';
import { formatClockTime } from '../../../lib/format';
import type { Readiness } from '../api/readiness';
import { DependencyList } from './DependencyList';
import { OverallStatus } from './OverallStatus';

interface StatusReportProps {
  readiness: Readiness | undefined;
  error: Error | null;
  checkedAt: number;
}

function Unreachable({ error }: { error: Error }) {
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="flex items-start gap-4 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
      <SignalSlashIcon className="size-8 shrink-0 text-stone-500" aria-hidden="true" />
      <div>
        <p className="text-lg font-semibold text-stone-900">We could not reach the Reloop API</p>
        <p className="mt-1 text-sm leading-6 text-stone-600">
          {error instanceof ApiError
            ? error.message
            : 'The request did not get through. Check your connection, then try again.'}
        </p>
        {requestId && <p className="mt-2 text-xs text-stone-500">Reference: {requestId}</p>}
      </div>
    </div>
  );
}

/** Every state of the readiness query: loading, unreachable, and a (possibly stale) answer. */
export function StatusReport({ readiness, error, checkedAt }: StatusReportProps) {
  if (!readiness) {
    if (error) return <Unreachable error={error} />;
    return (
      <p className="flex items-center gap-3 rounded-2xl bg-white p-6 text-stone-700 shadow-sm ring-1 ring-stone-200">
        <Spinner />
        Checking the services…
      </p>
    );
  }

  const checkedAtDate = new Date(checkedAt);
  return (
    <div className="space-y-6">
      {error && (
        <p className="flex items-center gap-2 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          <ExclamationTriangleIcon className="size-5 shrink-0" aria-hidden="true" />
          The latest check failed; showing the result from {formatClockTime(checkedAtDate)}.
        </p>
      )}
      <OverallStatus readiness={readiness} />
      <DependencyList checks={readiness.checks} />
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <div className="rounded-xl bg-white px-4 py-3 ring-1 ring-stone-200">
          <dt className="text-stone-600">Version</dt>
          <dd className="mt-0.5 font-mono font-medium break-all text-stone-900">
            {readiness.version}
          </dd>
        </div>
        <div className="rounded-xl bg-white px-4 py-3 ring-1 ring-stone-200">
          <dt className="text-stone-600">Last checked</dt>
          <dd className="mt-0.5 font-medium text-stone-900">
            <time dateTime={checkedAtDate.toISOString()}>{formatClockTime(checkedAtDate)}</time>
          </dd>
        </div>
      </dl>
    </div>
  );
}
