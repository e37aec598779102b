import { formatLatency } from '../../../lib/format';
import type { DependencyCheck } from '../api/readiness';
import { CheckBadge } from './CheckBadge';

// Plain-language names for the checks the backend reports today; an unknown check still
// shows, under its raw name, so a new dependency never disappears from the page.
const DESCRIPTIONS: Record<string, { label: string; role: string }> = {
  database: { label: 'Database', role: 'PostgreSQL: accounts, listings and orders' },
  redis: { label: 'Cache', role: 'Redis: sessions, rate limits and carts' },
  broker: { label: 'Job queue', role: 'Message broker: emails and background work' },
};

interface DependencyListProps {
  checks: Record<string, DependencyCheck>;
}

export function DependencyList({ checks }: DependencyListProps) {
  return (
    <ul className="divide-y divide-stone-200 overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-stone-200">
      {Object.entries(checks).map(([name, check]) => {
        const labelId = `dependency-${name}`;
        const description = DESCRIPTIONS[name];
        return (
          <li
            key={name}
            aria-labelledby={labelId}
            className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-4 py-4 sm:px-6"
          >
            <div className="min-w-0">
              <p id={labelId} className="font-semibold text-stone-900">
                {description?.label ?? name}{' '}
                <code className="ml-1 rounded bg-stone-100 px-1.5 py-0.5 text-xs font-medium text-stone-600">
                  {name}
                </code>
              </p>
              {description && <p className="mt-1 text-sm text-stone-600">{description.role}</p>}
              {!check.ok && check.error && (
                <p className="mt-2 text-sm break-words text-red-800">{check.error}</p>
              )}
            </div>
            <div className="flex shrink-0 items-center gap-3">
              <span className="text-sm text-stone-600 tabular-nums">
                <span className="sr-only">Latency </span>
                {formatLatency(check.latency_ms)}
              </span>
              <CheckBadge ok={check.ok} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
