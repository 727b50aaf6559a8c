import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SLA_TARGETS,
  breachedResolution,
  breachedSla,
  ratingOf,
  serviceLevels,
  type SlaTargets,
  targetHours,
} from './service-levels.ts';
import { weeklyTrend } from './trend.ts';

const NOW = new Date('2026-11-20T12:00:00Z');

describe('service levels', () => {
  it.each([
    ['good', 'good'],
    ['Bad', 'bad'],
    ['5', 'good'],
    ['4', 'good'],
    ['3', 'bad'],
    ['4/5', 'good'],
    ['85%', 'good'],
    ['60 %', 'bad'],
    ['offered', null],
    ['unoffered', null],
    ['', null],
    [null, null],
  ])('reads the rating %s as %s', (raw, rating) => {
    expect(ratingOf(raw)).toBe(rating);
  });

  it('takes a priority’s target, normal’s for an unknown one', () => {
    expect(targetHours(DEFAULT_SLA_TARGETS, 'Urgent')).toBe(1);
    expect(targetHours(DEFAULT_SLA_TARGETS, 'critical')).toBe(8);
    expect(targetHours(DEFAULT_SLA_TARGETS, null)).toBe(8);
    expect(targetHours({ firstResponseHours: { constructor: 2 }, resolutionHours: {} }, 'toString')).toBe(8);
    expect(targetHours(DEFAULT_SLA_TARGETS, 'Urgent', 'resolution')).toBe(8);
    expect(targetHours(DEFAULT_SLA_TARGETS, 'critical', 'resolution')).toBe(72);
    expect(targetHours({ firstResponseHours: {}, resolutionHours: { high: 10 } }, 'low', 'resolution')).toBe(72);
  });

  it('counts a late answer and a missing one past its target as breaches, not one still within it', () => {
    const t = (createdAt: string, firstResponseAt: string | null, priority = 'high') => ({
      createdAt,
      firstResponseAt,
      solvedAt: null,
      priority,
    });
    expect(breachedSla(t('2026-11-20T01:00:00Z', '2026-11-20T04:59:00Z'), DEFAULT_SLA_TARGETS, NOW)).toBe(false);
    expect(breachedSla(t('2026-11-20T01:00:00Z', '2026-11-20T05:01:00Z'), DEFAULT_SLA_TARGETS, NOW)).toBe(true);
    expect(breachedSla(t('2026-11-20T09:00:00Z', null), DEFAULT_SLA_TARGETS, NOW)).toBe(false);
    expect(breachedSla(t('2026-11-20T07:00:00Z', null), DEFAULT_SLA_TARGETS, NOW)).toBe(true);
  });

  it('counts escalations by tag, reopens only where told, and CSAT over rated tickets', () => {
    const base = { createdAt: '2026-11-19T09:00:00Z', firstResponseAt: '2026-11-19T10:00:00Z', solvedAt: null };
    expect(
      serviceLevels(
        [
          { ...base, tags: ['Escalated'], reopens: 2, satisfaction: 'good' },
          { ...base, tags: ['tier-2-escalation'], reopens: 0, satisfaction: '2' },
          { ...base, tags: ['sso'], satisfaction: 'offered' },
        ],
        DEFAULT_SLA_TARGETS,
        NOW,
      ),
    ).toEqual({
      slaBreaches: 0,
      resolutionBreaches: 0,
      resolutionBreachesOpen: 0,
      escalations: 2,
      reopened: 1,
      csat: 0.5,
      rated: 2,
    });
    expect(serviceLevels([{ ...base }], DEFAULT_SLA_TARGETS, NOW)).toMatchObject({ reopened: null, csat: null });
  });
});

describe('resolution breaches', () => {
  // urgent 4 h and normal 48 h to a resolution; `high` is not listed, so normal's target covers it.
  const targets: SlaTargets = { firstResponseHours: { normal: 8 }, resolutionHours: { urgent: 4, normal: 48 } };
  const ticket = (priority: string | null, createdAt: string, solvedAt: string | null, status?: string) => ({
    priority,
    createdAt,
    firstResponseAt: createdAt,
    solvedAt,
    status,
  });

  it.each([
    ['solved late', ticket('urgent', '2026-11-19T08:00:00Z', '2026-11-19T12:01:00Z'), 'solved'],
    ['solved in time', ticket('urgent', '2026-11-19T08:00:00Z', '2026-11-19T12:00:00Z'), false],
    ['still open past its target at now', ticket('urgent', '2026-11-20T07:59:00Z', null, 'pending'), 'open'],
    ['still open within its target', ticket('urgent', '2026-11-20T08:30:00Z', null, 'open'), false],
    [
      'of an unknown priority, solved within normal’s 48 h',
      ticket('high', '2026-11-18T09:00:00Z', '2026-11-20T08:00:00Z'),
      false,
    ],
    ['of an unknown priority, open past normal’s 48 h', ticket('High', '2026-11-18T11:00:00Z', null), 'open'],
    ['without a priority, open within normal’s 48 h', ticket(null, '2026-11-18T13:00:00Z', null), false],
    ['closed without a solving time (not measured)', ticket('urgent', '2026-11-01T08:00:00Z', null, 'Closed'), false],
  ] as const)('a ticket %s: %s', (_, t, breach) => {
    expect(breachedResolution(t, targets, NOW)).toBe(breach);
  });

  it('counts both kinds of breach apart, the open ones among the resolution breaches as of now', () => {
    const levels = serviceLevels(
      [
        // answered in 9 h against normal's 8 h, solved in time
        {
          priority: 'normal',
          createdAt: '2026-11-18T00:00:00Z',
          firstResponseAt: '2026-11-18T09:00:00Z',
          solvedAt: '2026-11-19T00:00:00Z',
        },
        // answered in time, solved late
        {
          priority: 'urgent',
          createdAt: '2026-11-19T00:00:00Z',
          firstResponseAt: '2026-11-19T01:00:00Z',
          solvedAt: '2026-11-19T05:00:00Z',
        },
        // answered in time, open past its target
        {
          priority: 'urgent',
          createdAt: '2026-11-20T00:00:00Z',
          firstResponseAt: '2026-11-20T01:00:00Z',
          solvedAt: null,
        },
      ],
      targets,
      NOW,
    );
    expect(levels).toMatchObject({ slaBreaches: 1, resolutionBreaches: 2, resolutionBreachesOpen: 1 });
  });
});

describe('weekly trend', () => {
  it('counts tickets per Monday-to-Sunday week by category, unknown ones unlabelled, later ones left out', () => {
    const weeks = weeklyTrend(
      [
        { createdAt: '2026-11-16T00:00:00Z', category: 'how_to' },
        { createdAt: '2026-11-15T23:59:59Z', category: null },
        { createdAt: '2026-11-09T10:00:00Z', category: 'bug' },
        { createdAt: '2026-11-02T10:00:00Z', category: 'bug' }, // before the first week
        { createdAt: '2026-11-20T13:00:00Z', category: 'bug' }, // after now
      ],
      NOW,
      2,
    );
    expect(weeks).toEqual([
      expect.objectContaining({ week: '2026-11-09', total: 2, bug: 1, unlabelled: 1, how_to: 0 }),
      expect.objectContaining({ week: '2026-11-16', total: 1, how_to: 1, bug: 0 }),
    ]);
  });
});
