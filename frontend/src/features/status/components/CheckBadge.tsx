import { CheckCircleIcon, XCircleIcon } from '@heroicons/react/20/solid';

interface CheckBadgeProps {
  ok: boolean;
}

/** The word carries the state; colour and icon only reinforce it. */
export function CheckBadge({ ok }: CheckBadgeProps) {
  const Icon = ok ? CheckCircleIcon : XCircleIcon;
  const tone = ok
    ? 'bg-emerald-50 text-emerald-800 ring-emerald-600/20'
    : 'bg-red-50 text-red-800 ring-red-600/20';
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ring-inset ${tone}`}
    >
      <Icon className="size-4" aria-hidden="true" />
      {ok ? 'OK' : 'Down'}
    </span>
  );
}
