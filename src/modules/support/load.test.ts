import { describe, expect, it } from 'vitest';
import { supportLoad } from './load.ts';

const t = (createdAt: string, category: string | null, responseH: number | null, solveH: number | null) => {
  const at = Date.parse(createdAt);
  const plus = (h: number | null) => (h === null ? null : new Date(at + h * 3_600_000).toISOString());
  return { category, createdAt, firstResponseAt: plus(responseH), solvedAt: plus(solveH) };
};

describe('support load after go-live', () => {
  const tickets = [
    t('2026-08-31T10:00:00.000Z', 'bug', 1, 2), // before go-live: not counted
    t('2026-09-01T10:00:00.000Z', 'how_to', 2, 10),
    t('2026-09-10T10:00:00.000Z', 'how_to', 4, 20),
    t('2026-09-30T23:00:00.000Z', 'bug', 6, null), // day 30: in the first 30 days
    t('2026-10-01T00:00:00.000Z', 'how_to', null, null), // day 31: in the 60-day window
    t('2026-11-29T10:00:00.000Z', 'billing', 8, 9), // day 90
    t('2026-11-30T10:00:00.000Z', 'how_to', 1, 1), // day 91: outside
  ];

  it('counts tickets per 100 seats in the 30/60/90 days after go-live, with the how-to share and medians', () => {
    const load = supportLoad(tickets, '2026-09-01', 40, '2026-11-20');
    expect(load.windows).toEqual([
      { days: 30, tickets: 3, per100Seats: 7.5, complete: true },
      { days: 60, tickets: 4, per100Seats: 10, complete: true },
      { days: 90, tickets: 5, per100Seats: 12.5, complete: false },
    ]);
    expect(load.tickets).toBe(5);
    expect(load.howToShare).toBe(0.6);
    expect(load.medianFirstResponseHours).toBe(5); // 2, 4, 6, 8
    expect(load.medianResolutionHours).toBe(10); // 10, 20, 9 → 10
    expect(load.sentence).toBe(
      '3 tickets in the first 30 days after go-live on 2026-09-01 (7.5 per 100 licensed seats); ' +
        "60 % of the first 90 days' tickets ask how to do something.",
    );
  });

  it('says so without a go-live or seats, and measures every ticket then', () => {
    const load = supportLoad(tickets, null, null, '2026-11-20');
    expect(load.windows.every((w) => w.tickets === 0 && w.per100Seats === null && !w.complete)).toBe(true);
    expect(load.tickets).toBe(7);
    expect(load.sentence).toMatch(/^No go-live recorded: 7 tickets in all, 57 % how-to\.$/);
    expect(supportLoad([], '2026-09-01', null, '2026-11-20')).toMatchObject({
      howToShare: null,
      medianFirstResponseHours: null,
      sentence: '0 tickets in the first 30 days after go-live on 2026-09-01 (no licensed seats known).',
    });
  });

  it('counts first-response and resolution breaches of the measured tickets as of the now passed in', () => {
    const targets = { firstResponseHours: { normal: 8 }, resolutionHours: { normal: 48 } };
    const at = (now: string) =>
      supportLoad(tickets, '2026-09-01', 40, now.slice(0, 10), { targets, now: new Date(now) });
    // Of the five measured: the 30-day bug is open since 2026-09-30 and the 60-day how-to was never answered; none
    // solved took more than 48 h.
    expect(at('2026-11-20T12:00:00Z')).toMatchObject({
      slaBreaches: 1,
      resolutionBreaches: 2,
      resolutionBreachesOpen: 2,
    });
    // 47.5 h after the 60-day ticket opened, only the bug opened an hour before it is past its 48 h.
    expect(at('2026-10-02T23:30:00Z')).toMatchObject({ resolutionBreaches: 1, resolutionBreachesOpen: 1 });
  });
});
