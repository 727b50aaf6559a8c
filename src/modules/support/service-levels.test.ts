import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_TARGETS, breachedSla, ratingOf, serviceLevels, targetHours } from './service-levels.ts';
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
    expect(targetHours({ firstResponseHours: { constructor: 2 } }, 'toString')).toBe(8);
  });

  it('counts a late answer and a missing one past its target as breaches, not one still within it', () => {
    const t = (createdAt: string, firstResponseAt: string | null, priority = 'high') => ({
      createdAt,
      firstResponseAt,
      priority,
    });
    expect(breachedSla(t('2026-11-20T01:00:00Z', '2026-11-20T04:59:00Z'), DEFAULT_SLA_TARGETS, NOW)).toBe(false);
    expect(breachedSla(t('2026-11-20T01:00:00Z', '2026-11-20T05:01:00Z'), DEFAULT_SLA_TARGETS, NOW)).toBe(true);
    expect(breachedSla(t('2026-11-20T09:00:00Z', null), DEFAULT_SLA_TARGETS, NOW)).toBe(false);
    expect(breachedSla(t('2026-11-20T07:00:00Z', null), DEFAULT_SLA_TARGETS, NOW)).toBe(true);
  });

  it('counts escalations by tag, reopens only where told, and CSAT over rated tickets', () => {
    const base = { createdAt: '2026-11-19T09:00:00Z', firstResponseAt: '2026-11-19T10:00:00Z' };
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
    ).toEqual({ slaBreaches: 0, escalations: 2, reopened: 1, csat: 0.5, rated: 2 });
    expect(serviceLevels([{ ...base }], DEFAULT_SLA_TARGETS, NOW)).toMatchObject({ reopened: null, csat: null });
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
