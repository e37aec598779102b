import { formatClock, useTimeLeft } from './countdown';

/**
 * How long the items stay held for this buyer to pay. A timer role, which screen readers
 * do not announce each second; the text says what happens at the end.
 */
export function PaymentCountdown({ until }: { until: string | null | undefined }) {
  const left = useTimeLeft(until);
  if (left === null) return null;
  if (left <= 0) {
    return (
      <p className="text-sm font-medium text-red-800">
        The hold has lapsed: the items may be bought by someone else now.
      </p>
    );
  }
  return (
    <p className="text-sm text-stone-700">
      Your items are held for{' '}
      <span role="timer" className="font-bold text-stone-900 tabular-nums">
        {formatClock(left)}
      </span>{' '}
      more. Pay before then to keep them.
    </p>
  );
}
