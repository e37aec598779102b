import { CheckCircleIcon, ExclamationTriangleIcon } from '@heroicons/react/20/solid';
import type { ReactNode } from 'react';

/** A form-level failure. It is announced as soon as it appears (role="alert"). */
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-xl bg-red-50 px-4 py-3 text-sm leading-6 text-red-900 ring-1 ring-red-200"
    >
      <ExclamationTriangleIcon className="mt-0.5 size-5 shrink-0 text-red-600" aria-hidden="true" />
      <div className="min-w-0">{children}</div>
    </div>
  );
}

/**
 * Success feedback. The live region is always in the page, empty until there is news,
 * because screen readers only announce changes to a region they already know about.
 */
export function StatusNote({ children }: { children?: ReactNode }) {
  return (
    <div role="status">
      {children && (
        <p className="flex items-start gap-3 rounded-xl bg-emerald-50 px-4 py-3 text-sm leading-6 text-emerald-900 ring-1 ring-emerald-200">
          <CheckCircleIcon className="mt-0.5 size-5 shrink-0 text-emerald-600" aria-hidden="true" />
          <span className="min-w-0">{children}</span>
        </p>
      )}
    </div>
  );
}
