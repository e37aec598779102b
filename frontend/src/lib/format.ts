const preciseMs = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const wholeMs = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** Latency for people: sub-millisecond readings say so instead of showing "0 ms". */
export function formatLatency(ms: number): string {
  if (ms < 1) return '<1 ms';
  return `${(ms < 10 ? preciseMs : wholeMs).format(ms)} ms`;
}

export function formatClockTime(date: Date): string {
  return date.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** "45 seconds", "1 minute", "3 minutes": a wait rounded up, so nobody retries too early. */
export function formatWait(seconds: number): string {
  if (seconds < 60) {
    const whole = Math.max(1, Math.ceil(seconds));
    return `${whole} ${whole === 1 ? 'second' : 'seconds'}`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

const monthYear = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' });

/** "March 2026": month names in English, to read well inside English sentences. */
export function formatMonthYear(iso: string): string {
  return monthYear.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "yesterday"; past a week, the date itself. */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const elapsed = Math.abs(seconds);
  if (elapsed < 45) return 'just now';
  if (elapsed < HOUR) return relative.format(Math.round(seconds / MINUTE), 'minute');
  if (elapsed < DAY) return relative.format(Math.round(seconds / HOUR), 'hour');
  if (elapsed < 7 * DAY) return relative.format(Math.round(seconds / DAY), 'day');
  return formatDate(iso);
}
