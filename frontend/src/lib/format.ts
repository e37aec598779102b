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
