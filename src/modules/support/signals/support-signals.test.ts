import { describe, expect, it } from 'vitest';
import { firstMonthPer100Seats, howToHeavy, medianRate, ticketSurgeAfterGoLive } from './support-signals.ts';
import { DEFAULT_SUPPORT_THRESHOLDS as T } from './support-signals.settings.ts';

const tickets = (n: number, from: string, category: string | null = 'bug') =>
  Array.from({ length: n }, (_, i) => ({
    category,
    createdAt: new Date(Date.parse(`${from}T09:00:00Z`) + i * 86_400_000).toISOString(),
  }));

describe('first month after go-live', () => {
  it('counts tickets per 100 seats in the 30 days from go-live, only once those days are over', () => {
    const f = { asOf: '2026-10-15', goLive: '2026-09-01', seats: 40, tickets: [...tickets(10, '2026-09-05')] };
    expect(firstMonthPer100Seats(f)).toEqual({ tickets: 10, per100Seats: 25 });
    expect(firstMonthPer100Seats({ ...f, tickets: tickets(10, '2026-09-25') })).toEqual({
      tickets: 6,
      per100Seats: 15,
    });
    expect(firstMonthPer100Seats({ ...f, asOf: '2026-09-20' })).toBeNull();
    expect(firstMonthPer100Seats({ ...f, seats: null })).toBeNull();
    expect(firstMonthPer100Seats({ ...f, goLive: null })).toBeNull();
  });

  it('takes the median of the rates', () => {
    expect(medianRate([])).toBeNull();
    expect(medianRate([5, 1, 3])).toBe(3);
    expect(medianRate([4, 1, 3, 10])).toBe(3.5);
  });
});

describe('ticket surge after go-live', () => {
  const f = { asOf: '2026-10-15', goLive: '2026-09-01', seats: 40, tickets: tickets(12, '2026-09-02') };
  const median = { per100Seats: 10, accounts: 6 };

  it('holds above the factor times the workspace median, with its figures', () => {
    const o = ticketSurgeAfterGoLive(f, median, T);
    expect(o.holds).toBe(true);
    expect(o.evidence).toMatchObject({ tickets30d: 12, per100Seats: 30, medianPer100Seats: 10, ratio: 3, factor: 2 });
    expect(o.severity).toBe('warning');
    expect(ticketSurgeAfterGoLive(f, { per100Seats: 6, accounts: 6 }, T).severity).toBe('severe');
  });

  it('does not hold at or below the factor, under the fewest tickets, for an old go-live, or when off', () => {
    expect(ticketSurgeAfterGoLive(f, { per100Seats: 15, accounts: 6 }, T).holds).toBe(false);
    expect(
      ticketSurgeAfterGoLive({ ...f, tickets: tickets(4, '2026-09-02') }, { per100Seats: 1, accounts: 6 }, T).holds,
    ).toBe(false);
    expect(ticketSurgeAfterGoLive({ ...f, asOf: '2027-03-01' }, median, T).holds).toBe(false);
    expect(ticketSurgeAfterGoLive(f, { per100Seats: null, accounts: 0 }, T).holds).toBe(false);
    const off = { ...T, surgeAfterGoLive: { ...T.surgeAfterGoLive, enabled: false } };
    expect(ticketSurgeAfterGoLive(f, median, off).holds).toBe(false);
  });
});

describe('how-to heavy', () => {
  const base = { asOf: '2026-11-20', goLive: null, seats: null };

  it('holds when more than half of the recent tickets ask how to, with enough tickets', () => {
    const f = { ...base, tickets: [...tickets(5, '2026-11-01', 'how_to'), ...tickets(3, '2026-11-05')] };
    const o = howToHeavy(f, T);
    expect(o.holds).toBe(true);
    expect(o.evidence).toMatchObject({ tickets: 8, howTo: 5, share: 0.625, lookbackDays: 60 });
    expect(o.title).toBe('63 % of 8 tickets in 60 days ask how to do something');
  });

  it('does not hold at half, with too few tickets, on old tickets, or when off', () => {
    expect(
      howToHeavy({ ...base, tickets: [...tickets(4, '2026-11-01', 'how_to'), ...tickets(4, '2026-11-01')] }, T).holds,
    ).toBe(false);
    expect(howToHeavy({ ...base, tickets: tickets(5, '2026-11-01', 'how_to') }, T).holds).toBe(false);
    expect(howToHeavy({ ...base, tickets: tickets(9, '2026-06-01', 'how_to') }, T).holds).toBe(false);
    const off = { ...T, howToHeavy: { ...T.howToHeavy, enabled: false } };
    expect(howToHeavy({ ...base, tickets: tickets(9, '2026-11-01', 'how_to') }, off).holds).toBe(false);
  });
});
