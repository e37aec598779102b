import { formatDateTime, formatRelativeTime } from '../../lib/format';

/** "5 minutes ago", with the exact moment for machines and on hover. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={className}>
      {formatRelativeTime(iso)}
    </time>
  );
}
