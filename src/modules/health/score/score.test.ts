import { describe, expect, it } from 'vitest';
import { accountFacts, type RawAccountFacts } from './facts.ts';
import { type AccountFacts, measuresOf } from './measures.ts';
import { bandOf, DEFAULT_SCORECARDS, pointsOf, scorecardProblems } from './scorecard.ts';
import { scorecardsSchema } from './scorecard.settings.ts';
import { compareScorings, scoreOf } from './score.ts';
import { movesBetween, shortDay } from './why.ts';

const card = DEFAULT_SCORECARDS.segments.mid_market;
const NONE: AccountFacts = {
  slipDays: null,
  usage: null,
  support: null,
  nps: null,
  csat: null,
  sponsorDaysSinceTouch: null,
  daysSinceTouch: null,
  arr: null,
  lastInvoice: null,
};

describe('measure points', () => {
  it.each([
    [20, { bad: 20, good: 70 }, 0],
    [45, { bad: 20, good: 70 }, 50],
    [70, { bad: 20, good: 70 }, 100],
    [95, { bad: 20, good: 70 }, 100],
    [5, { bad: 20, good: 70 }, 0],
    // lower is better: days since the sponsor's last touch
    [30, { bad: 90, good: 30 }, 100],
    [60, { bad: 90, good: 30 }, 50],
    [120, { bad: 90, good: 30 }, 0],
  ])('raw %d between %o is worth %d points', (raw, t, points) => {
    expect(pointsOf(raw, t)).toBe(points);
  });

  it.each([
    [100, 'green'],
    [70, 'green'],
    [69, 'yellow'],
    [40, 'yellow'],
    [39, 'red'],
    [0, 'red'],
  ] as const)('a score of %d is %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });

  it('says adoption as active users of seats', () => {
    const m = measuresOf({ ...NONE, usage: { mau: 9, seats: 40, wau: 6, wauFourWeeksBefore: 8 } });
    expect(m.adoption_rate).toEqual({ raw: 23, detail: '9 of 40 seats (23 %)' });
    expect(m.active_user_trend).toEqual({ raw: -25, detail: '6, down 25 % on 8 four weeks before' });
    expect(m.nps).toBeUndefined();
  });
});

describe('the score', () => {
  it('shows a measure without data as no data, never as 0, and renormalises the dimensions that have data', () => {
    const r = scoreOf(
      measuresOf({ ...NONE, usage: { mau: 35, seats: 50, wau: 0, wauFourWeeksBefore: 0 } }),
      card,
      'smb',
    );
    const adoption = r.components.dimensions.find((d) => d.dimension === 'adoption');
    // 35 of 50 = 70 % → 100 points; the trend has no data (nothing four weeks before) and counts for nothing
    expect(adoption?.points).toBe(100);
    expect(adoption?.share).toBe(1);
    expect(adoption?.measures.find((m) => m.measure === 'active_user_trend')).toMatchObject({
      raw: null,
      points: null,
      sentence: 'Weekly active users: no data.',
    });
    expect(r.components.dimensions.find((d) => d.dimension === 'sentiment')).toMatchObject({
      points: null,
      sentence: 'Sentiment: no data.',
    });
    expect(r.score).toBe(100);
    expect(r.band).toBe('green');
  });

  it('weights the dimensions with data by their weights', () => {
    const r = scoreOf(
      measuresOf({
        ...NONE,
        usage: { mau: 10, seats: 100, wau: 0, wauFourWeeksBefore: 0 },
        nps: { nps: 40, responses: 5 },
      }),
      card,
      'mid_market',
    );
    // adoption 0 points (10 % ≤ 20 %) weight 30; sentiment 100 points (NPS 40) weight 20 → 40
    expect(r.score).toBe(40);
    expect(r.band).toBe('yellow');
    const shares = Object.fromEntries(r.components.dimensions.map((d) => [d.dimension, d.share]));
    expect(shares).toMatchObject({ adoption: 0.6, sentiment: 0.4, delivery: 0 });
  });

  it('has no score at all without any data', () => {
    const r = scoreOf(measuresOf(NONE), card, 'smb');
    expect(r).toMatchObject({ score: null, band: null });
  });

  it('tells a change of points from a change of values within the same points', () => {
    const facts = { ...NONE, nps: { nps: 10, responses: 3 } };
    const a = scoreOf(measuresOf(facts), card, 'smb');
    expect(compareScorings(a, scoreOf(measuresOf(facts), card, 'smb'))).toBe('same');
    const touched = (days: number) => scoreOf(measuresOf({ ...facts, daysSinceTouch: days }), card, 'smb');
    expect(compareScorings(touched(5), touched(6))).toBe('values');
    expect(compareScorings(a, scoreOf(measuresOf({ ...facts, csat: { csat: 80, responses: 2 } }), card, 'smb'))).toBe(
      'points',
    );
  });
});

describe('why a score moved', () => {
  it('names the dimension, the points, the day and the measure then and now', () => {
    const then = scoreOf(
      measuresOf({ ...NONE, usage: { mau: 18, seats: 40, wau: 0, wauFourWeeksBefore: 0 } }),
      card,
      'x',
    );
    const now = scoreOf(
      measuresOf({ ...NONE, usage: { mau: 9, seats: 40, wau: 0, wauFourWeeksBefore: 0 } }),
      card,
      'x',
    );
    const moves = movesBetween(now.components, then.components, '2026-11-14T06:00:00.000Z', '2026-12-06');
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ dimension: 'adoption', from: 50, to: 6, change: -44 });
    expect(moves[0]?.sentence).toBe(
      'Adoption fell 44 points since 14 Nov: 30-day active users 9 of 40 seats (23 %), was 18 of 40 seats (45 %).',
    );
  });

  it('says when a dimension gains data, and lists nothing when nothing moved', () => {
    const then = scoreOf(measuresOf(NONE), card, 'x');
    const now = scoreOf(measuresOf({ ...NONE, nps: { nps: -50, responses: 2 } }), card, 'x');
    const [move] = movesBetween(now.components, then.components, '2025-12-01T00:00:00.000Z', '2026-12-06');
    expect(move?.sentence).toBe(
      'Sentiment counts since 1 Dec 2025, now 0 points: NPS over the last year -50 from 2 answers, unknown before.',
    );
    expect(movesBetween(now.components, now.components, '2026-12-01', '2026-12-06')).toEqual([]);
    expect(shortDay('2026-03-09', '2026-12-06')).toBe('9 Mar');
  });
});

describe('scorecard rules', () => {
  it('names thresholds out of order and a scorecard without weight', () => {
    const bad = structuredClone(card);
    bad.measures.adoption_rate = { weight: 1, bad: 70, good: 20 };
    bad.measures.days_since_touch = { weight: 1, bad: 10, good: 30 };
    for (const d of Object.values(bad.dimensions)) d.weight = 0;
    expect(scorecardProblems(bad).map((p) => p.path.join('.'))).toEqual([
      'dimensions',
      'measures.adoption_rate.good',
      'measures.days_since_touch.good',
    ]);
    expect(scorecardProblems(card)).toEqual([]);
  });
});

describe('facts', () => {
  const raw: RawAccountFacts = {
    projects: [
      { status: 'active', promisedGoLive: '2026-11-01', forecastGoLive: '2026-11-15' },
      { status: 'live', promisedGoLive: '2026-01-01', forecastGoLive: '2026-06-01' },
    ],
    usage: null,
    answers: [
      { kind: 'nps', score: 10, at: '2026-10-01T00:00:00.000Z' },
      { kind: 'nps', score: 3, at: '2026-11-01T00:00:00.000Z' },
      { kind: 'nps', score: 0, at: '2025-01-01T00:00:00.000Z' },
      { kind: 'nps', score: 0, at: '2026-12-31T00:00:00.000Z' },
    ],
    contacts: [
      { role: 'executive_sponsor', lastTouchAt: '2026-10-07T09:00:00.000Z', leftAt: null },
      { role: 'champion', lastTouchAt: '2026-12-01T09:00:00.000Z', leftAt: null },
    ],
    touchedAt: ['2026-11-30T09:00:00.000Z'],
    subscriptions: [
      { start: '2025-01-01', end: null, arrCents: 4_000_000, trial: false, lastInvoice: null },
      {
        start: '2025-01-01',
        end: '2026-11-01',
        arrCents: 1_000_000,
        trial: false,
        lastInvoice: { status: 'payment_failed', at: '2026-10-01T00:00:00.000Z' },
      },
    ],
    currency: 'EUR',
  };
  it('reads open projects, the year’s answers, the sponsor’s touch and ARR 90 days ago, nothing after now', () => {
    expect(accountFacts(raw, new Date('2026-12-06T12:00:00.000Z'))).toEqual({
      slipDays: 14,
      usage: null,
      support: null,
      nps: { nps: 0, responses: 2 },
      csat: null,
      sponsorDaysSinceTouch: 60,
      daysSinceTouch: 5,
      arr: { now: 40_000, before: 50_000, currency: 'EUR' },
      lastInvoice: null,
    });
  });
});

describe('the support dimension', () => {
  const now = new Date('2026-12-06T12:00:00.000Z');
  const ticket = (daysAgo: number, category: string, responseHours: number | null) => {
    const at = now.getTime() - daysAgo * 86_400_000;
    return {
      category,
      createdAt: new Date(at).toISOString(),
      firstResponseAt: responseHours === null ? null : new Date(at + responseHours * 3_600_000).toISOString(),
    };
  };
  const raw: RawAccountFacts = {
    projects: [],
    usage: { mau: 20, seats: 40, wau: 10, wauFourWeeksBefore: 10 },
    answers: [],
    contacts: [],
    touchedAt: [],
    subscriptions: [],
    currency: 'USD',
    tickets: [
      ticket(2, 'how_to', 30),
      ticket(10, 'how_to', 10),
      ticket(20, 'bug', 2),
      ticket(45, 'how_to', null),
      ticket(80, 'bug', 6),
      ticket(120, 'how_to', 1),
    ],
  };

  it('reads the last 30 days per 100 seats, the last 90 days’ how-to share and median first response', () => {
    const facts = accountFacts(raw, now);
    expect(facts.support).toEqual({
      tickets30d: 3,
      seats: 40,
      tickets90d: 5,
      howTo90d: 3,
      medianFirstResponseHours: 8,
    });
    const m = measuresOf(facts);
    expect(m.tickets_per_100_seats).toEqual({ raw: 7.5, detail: '7.5 (3 tickets for 40 seats)' });
    expect(m.how_to_share).toEqual({ raw: 60, detail: '3 of 5 tickets (60 %)' });
    expect(m.first_response_hours).toEqual({ raw: 8, detail: '8 hours' });
    const s = scoreOf(m, card, 'mid_market');
    const support = s.components.dimensions.find((d) => d.dimension === 'support');
    // 7.5 per 100 seats: 90 points (30 bad, 5 good); 60 % how-to: 25; 8 hours: 91; equal weights.
    expect(support?.points).toBe(69);
  });

  it('has no support data without a ticket in the last 90 days, never 0 points', () => {
    const facts = accountFacts({ ...raw, tickets: [ticket(120, 'bug', 1)] }, now);
    expect(facts.support).toBeNull();
    expect(
      scoreOf(measuresOf(facts), card, 'mid_market').components.dimensions.find((d) => d.dimension === 'support')
        ?.points,
    ).toBeNull();
  });

  it('loads a scorecard saved before the support dimension, with its defaults', () => {
    const old = structuredClone(DEFAULT_SCORECARDS.segments.enterprise) as unknown as Record<string, any>;
    delete old.dimensions.support;
    for (const m of ['tickets_per_100_seats', 'how_to_share', 'first_response_hours']) delete old.measures[m];
    old.dimensions.adoption.weight = 33;
    const parsed = scorecardsSchema.parse({ version: 4, segments: { smb: old, mid_market: old, enterprise: old } });
    expect(parsed.segments.enterprise!.dimensions.support).toEqual({ weight: 10 });
    expect(parsed.segments.enterprise!.dimensions.adoption).toEqual({ weight: 33 });
    expect(parsed.segments.enterprise!.measures.how_to_share).toEqual({ weight: 1, bad: 70, good: 30 });
  });
});
