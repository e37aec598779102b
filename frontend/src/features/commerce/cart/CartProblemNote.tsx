import { ExclamationTriangleIcon } from '@heroicons/react/20/solid';
import { Button } from '../../../components/ui/Button';
import { formatMoney } from '../../../lib/money';
import type { CartLine, CartProblem } from '../api/types';
import { formatMinutesLeft, useTimeLeft } from '../shared/countdown';

function ReservedText({ until }: { until: string | null | undefined }) {
  const left = useTimeLeft(until, 15_000);
  if (left === null || left <= 0) return <>Reserved by another buyer for now.</>;
  return <>Reserved by another buyer — {formatMinutesLeft(left)} left. It may come back.</>;
}

function ProblemText({ line, problem }: { line: CartLine; problem: CartProblem }) {
  switch (problem.code) {
    case 'sold':
      return <>Sold: remove it to check out the rest.</>;
    case 'reserved':
      return <ReservedText until={problem.reserved_until} />;
    case 'price_changed':
      return problem.current_price ? (
        <>
          The price changed from {formatMoney(line.unit_price)} to{' '}
          <strong className="font-semibold">{formatMoney(problem.current_price)}</strong>.
        </>
      ) : (
        <>{problem.message}</>
      );
    case 'quantity_reduced':
      return typeof problem.available === 'number' ? (
        <>
          Only {problem.available} left: lower the quantity to {problem.available} or remove it.
        </>
      ) : (
        <>{problem.message}</>
      );
    default:
      return <>{problem.message}</>;
  }
}

interface CartProblemNoteProps {
  line: CartLine;
  problem: CartProblem;
  /** Takes the new price (price_changed) or what is left (quantity_reduced). */
  onAccept: (quantity: number) => void;
  pending: boolean;
}

/** Why a line cannot be bought as it is, and the one fix the buyer can make here. */
export function CartProblemNote({ line, problem, onAccept, pending }: CartProblemNoteProps) {
  const available = problem.available;
  const fix =
    problem.code === 'price_changed'
      ? { label: 'Accept new price', quantity: line.quantity }
      : problem.code === 'quantity_reduced' && typeof available === 'number' && available > 0
        ? { label: `Buy ${available} instead`, quantity: available }
        : null;
  return (
    <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200">
      <p className="flex min-w-0 flex-1 items-start gap-2">
        <ExclamationTriangleIcon
          className="mt-0.5 size-4 shrink-0 text-amber-600"
          aria-hidden="true"
        />
        <span>
          <ProblemText line={line} problem={problem} />
        </span>
      </p>
      {fix && (
        <Button
          size="sm"
          variant="secondary"
          aria-busy={pending}
          aria-label={`${fix.label} for ${line.item.title}`}
          onClick={() => {
            if (!pending) onAccept(fix.quantity);
          }}
        >
          {fix.label}
        </Button>
      )}
    </div>
  );
}
