import { useEffect, useState } from 'react';

/** Milliseconds until `iso`, never below zero. */
export function msUntil(iso: string, now: number): number {
  return Math.max(0, new Date(iso).getTime() - now);
}

/** "12 min", rounded up so a hold never looks shorter than it is; "under a minute" at the end. */
export function formatMinutesLeft(ms: number): string {
  if (ms <= 0) return 'no time';
  if (ms < 60_000) return 'under a minute';
  return `${Math.ceil(ms / 60_000)} min`;
}

/** "14:05": minutes and seconds, for the time left to pay. */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The time left until `iso`, ticking every `stepMs` while any is left; null when there is
 * no deadline. Each tick reads the clock afresh, so a throttled tab is never behind.
 */
export function useTimeLeft(iso: string | null | undefined, stepMs = 1000): number | null {
  const [now, setNow] = useState(() => Date.now());
  const left = iso ? msUntil(iso, now) : null;
  const running = left !== null && left > 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, stepMs);
    return () => {
      clearInterval(timer);
    };
  }, [running, stepMs]);
  return left;
}
