import { describe, expect, it } from 'vitest';
import { usageHeaderProblems, usageProfile, usageRowMapper } from './usage-rows.ts';

const map = usageRowMapper(usageProfile(undefined, 'csv'));

describe('daily usage rows', () => {
  it('reads the usual columns, a timestamp as its day, and counts 1 without a count column', () => {
    expect(
      map(
        {
          usage_id: 'U-1',
          usage_date: '2024-03-05',
          subscription_id: 'S-1',
          feature_name: 'feature_7',
          usage_count: '9',
          usage_duration_secs: '12.6',
        },
        1,
      ),
    ).toEqual({
      ok: true,
      record: {
        key: 'U-1',
        day: '2024-03-05',
        account: null,
        subscription: 'S-1',
        feature: 'feature_7',
        events: 9,
        user: null,
        durationSecs: 13,
      },
    });
    const r = map({ date: '2024-03-05T23:10:00Z', account: 'acme.example', event: 'Export' }, 2);
    expect(r).toMatchObject({ ok: true, record: { day: '2024-03-05', account: 'acme.example', events: 1 } });
  });

  it('knows a row without an id by what it says, so the same row is the same key', () => {
    const a = map({ day: '2024-03-05', account: 'Acme', feature: 'Export', events: '2', user: 'ann' }, 1);
    const b = map({ day: '2024-03-05', account: 'Acme', feature: 'Export', events: '5', user: 'ann' }, 9);
    const c = map({ day: '2024-03-05', account: 'Acme', feature: 'Export', events: '5', user: 'bob' }, 9);
    if (!a.ok || !b.ok || !c.ok) throw new Error('rows should read');
    expect(a.record.key).toBe(b.record.key);
    expect(a.record.key).not.toBe(c.record.key);
  });

  it('names every problem of a row by field', () => {
    const r = map({ day: '2024-02-30', account: '', feature: '', events: '-3', duration: 'long' }, 4);
    expect(r.ok).toBe(false);
    if (r.ok || 'skipped' in r) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual(['account', 'day', 'duration', 'events', 'feature']);
    expect(r.errors.every((e) => e.row === 4)).toBe(true);
  });

  it('refuses a header without day or feature, or with subscriptions but no subscriptions file', () => {
    expect(usageHeaderProblems(undefined, ['when', 'what'], false).join(' ')).toMatch(
      /no column for day.*no column for feature/,
    );
    expect(usageHeaderProblems(undefined, ['usage_date', 'subscription_id', 'feature_name'], false).join(' ')).toMatch(
      /--subscriptions/,
    );
    expect(usageHeaderProblems(undefined, ['usage_date', 'subscription_id', 'feature_name'], true)).toEqual([]);
    expect(usageHeaderProblems({ When: 'day', What: 'nope' }, ['When', 'What'], false).join(' ')).toMatch(
      /"nope", which is not a field/,
    );
  });
});
