import { describe, expect, it } from 'vitest';
import type { SubscriptionFacts } from '../revenue/subscription.ts';
import { featureDay, relationshipFeatures, revenueFeatures } from './risk-features.ts';

const sub = (start: string, end: string | null, arr: number, trial = false): SubscriptionFacts => ({
  accountId: 'a',
  start,
  end,
  arrCents: arr * 100,
  trial,
  currency: 'USD',
});

describe('the day an account is read on', () => {
  it('is today for an account still to score', () => {
    expect(featureDay({ outcome: null, recordedOn: null }, [sub('2024-01-01', '2025-01-01', 100)], '2026-12-06')).toBe(
      '2026-12-06',
    );
  });

  it('is the horizon before the recording for a retained account', () => {
    expect(featureDay({ outcome: 0, recordedOn: '2026-06-30' }, [], '2026-12-06')).toBe('2026-04-01');
  });

  it('is the horizon before its last subscription ended for a churned account, not the import day', () => {
    const subs = [
      sub('2023-01-01', '2024-03-31', 100),
      sub('2024-01-01', '2025-03-31', 50),
      sub('2025-05-01', '2025-06-01', 0, true),
    ];
    expect(featureDay({ outcome: 1, recordedOn: '2026-11-20' }, subs, '2026-12-06')).toBe('2024-12-31');
    expect(featureDay({ outcome: 1, recordedOn: '2026-11-20' }, subs, '2026-12-06', 30)).toBe('2025-03-01');
    // Still running, or no subscription at all: the recording's day.
    expect(featureDay({ outcome: 1, recordedOn: '2026-11-20' }, [sub('2024-01-01', null, 10)], '2026-12-06')).toBe(
      '2026-08-22',
    );
    expect(featureDay({ outcome: 1, recordedOn: '2026-11-20' }, [], '2026-12-06')).toBe('2026-08-22');
  });
});

describe('revenue features', () => {
  it('reads ARR and its 90-day change on the day, never a subscription begun after it', () => {
    const subs = [sub('2024-01-01', null, 12_000), sub('2024-09-01', null, 6_000), sub('2025-01-01', null, 99_000)];
    expect(revenueFeatures(subs, '2024-10-01')).toEqual({
      arr: 18_000,
      arr_change_90d: 0.5,
    });
  });

  it('sees a subscription that ended after the day as still running, and gives nothing before the first one', () => {
    const subs = [sub('2024-01-01', '2025-01-01', 10_000)];
    expect(revenueFeatures(subs, '2024-12-31')).toMatchObject({ arr: 10_000, arr_change_90d: 0 });
    expect(revenueFeatures(subs, '2025-01-01')).toMatchObject({ arr: 0, arr_change_90d: -1 });
    expect(revenueFeatures(subs, '2023-12-31')).toEqual({});
    expect(revenueFeatures([sub('2024-01-01', null, 5_000, true)], '2024-06-01')).toEqual({});
  });
});

describe('relationship features', () => {
  const answers = [
    { kind: 'nps' as const, score: 9, at: '2024-03-01T10:00:00Z' },
    { kind: 'nps' as const, score: 4, at: '2024-06-01T10:00:00Z' },
    { kind: 'nps' as const, score: 0, at: '2024-06-02T10:00:00Z' },
    { kind: 'csat' as const, score: 5, at: '2023-05-01T10:00:00Z' },
    { kind: 'csat' as const, score: 3, at: '2024-05-01T10:00:00Z' },
    { kind: 'csat' as const, score: 4, at: '2024-05-20T10:00:00Z' },
  ];
  const touches = ['2024-02-01T09:00:00Z', '2024-05-15T09:00:00Z', '2024-05-30T09:00:00Z', '2024-06-05T09:00:00Z'];

  it('reads the latest NPS, the year’s CSAT, the last touch and the 90 days’ touches as of the day', () => {
    expect(relationshipFeatures(answers, touches, '2024-06-01')).toEqual({
      nps_latest: 4,
      csat_mean_365d: 3.5,
      days_since_last_touch: 2,
      touches_90d: 2,
    });
  });

  it('never reads an answer or a touch dated after the day, and leaves out what it has nothing for', () => {
    expect(relationshipFeatures(answers, touches, '2023-04-30')).toEqual({});
    expect(relationshipFeatures([], [], '2024-06-01')).toEqual({});
  });
});
