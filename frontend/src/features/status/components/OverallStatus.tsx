import { CheckCircleIcon, ExclamationTriangleIcon } from '@heroicons/react/24/solid';
import type { Readiness } from '../api/readiness';

interface OverallStatusProps {
  readiness: Readiness;
}

function summary(readiness: Readiness): string {
  const checks = Object.values(readiness.checks);
  const down = checks.filter((check) => !check.ok).length;
  if (readiness.status === 'ok') return `All ${checks.length} dependencies answered.`;
  if (down === 0) return 'The service reported that it is not ready yet.';
  return `${down} of ${checks.length} dependencies did not answer. Reloop may not work fully until they recover.`;
}

export function OverallStatus({ readiness }: OverallStatusProps) {
  const healthy = readiness.status === 'ok';
  const Icon = healthy ? CheckCircleIcon : ExclamationTriangleIcon;

  return (
    <div
      className={`flex items-start gap-4 rounded-2xl p-5 ring-1 sm:p-6 ${
        healthy ? 'bg-emerald-50 ring-emerald-200' : 'bg-red-50 ring-red-200'
      }`}
    >
      <Icon
        className={`size-8 shrink-0 ${healthy ? 'text-emerald-600' : 'text-red-600'}`}
        aria-hidden="true"
      />
      <div>
        <p className={`text-lg font-semibold ${healthy ? 'text-emerald-900' : 'text-red-900'}`}>
          {healthy ? 'All systems operational' : 'Some systems are down'}
        </p>
        <p className={`mt-1 text-sm ${healthy ? 'text-emerald-800' : 'text-red-800'}`}>
          {summary(readiness)}
        </p>
      </div>
    </div>
  );
}
