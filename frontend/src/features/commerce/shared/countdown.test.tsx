import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatClock, formatMinutesLeft } from './countdown';
import { PaymentCountdown } from './PaymentCountdown';
import { ReservedBadge } from './ReservedBadge';

const NOW = new Date('2026-11-24T10:00:00Z');

describe('countdowns', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('rounds the minutes left up and ends under a minute', () => {
    expect(formatMinutesLeft(12 * 60_000 + 1)).toBe('13 min');
    expect(formatMinutesLeft(60_000)).toBe('1 min');
    expect(formatMinutesLeft(59_000)).toBe('under a minute');
    expect(formatClock(14 * 60_000 + 5_000)).toBe('14:05');
  });

  it('counts the time to pay down each second and says when the hold lapsed', () => {
    render(<PaymentCountdown until="2026-11-24T10:01:02Z" />);
    expect(screen.getByRole('timer')).toHaveTextContent('1:02');

    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(screen.getByRole('timer')).toHaveTextContent('0:59');

    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.queryByRole('timer')).not.toBeInTheDocument();
    expect(screen.getByText(/The hold has lapsed/)).toBeVisible();
  });

  it('shows the reserved badge with the minutes left, and drops it once the hold lapses', () => {
    render(<ReservedBadge until="2026-11-24T10:12:00Z" showTime />);
    expect(screen.getByText('Reserved — 12 min left')).toBeVisible();

    act(() => {
      vi.advanceTimersByTime(12 * 60_000);
    });
    expect(screen.queryByText(/Reserved/)).not.toBeInTheDocument();
  });

  it('shows no badge when nothing is reserved', () => {
    const { container } = render(<ReservedBadge until={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});
