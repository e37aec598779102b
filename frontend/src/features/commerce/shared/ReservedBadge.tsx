import { ClockIcon } from '@heroicons/react/16/solid';
import { formatMinutesLeft, useTimeLeft } from './countdown';

interface ReservedBadgeProps {
  /** When the checkouts holding the listing lapse; no badge without one, or past it. */
  until: string | null | undefined;
  /** "Reserved — 12 min left" on a listing's page; "Reserved" alone on a small card. */
  showTime?: boolean;
  className?: string;
}

/** Says that every unit is held by someone checking out, and for how long. */
export function ReservedBadge({ until, showTime = false, className = '' }: ReservedBadgeProps) {
  const left = useTimeLeft(until, showTime ? 15_000 : 60_000);
  if (left === null || left <= 0) return null;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-950 ring-1 ring-amber-300 ring-inset ${className}`}
    >
      <ClockIcon className="size-3.5" aria-hidden="true" />
      {showTime ? `Reserved — ${formatMinutesLeft(left)} left` : 'Reserved'}
    </span>
  );
}
