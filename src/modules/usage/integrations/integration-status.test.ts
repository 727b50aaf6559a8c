import { describe, expect, it } from 'vitest';
import { addDays } from '../adoption/adoption.ts';
import {
  dayCounts,
  instantOf,
  integrationHealth,
  mergeLatest,
  readStatusRow,
  reportKey,
  type StatusReport,
} from './integration-status.ts';

const D = '2026-11-20';
const T = { spikeFactor: 3, baselineDays: 28, minReports: 10, minErrors: 3, noSyncDays: 7 };
const d = (offset: number, ok: number, errors: number) => ({ day: addDays(D, offset), ok, errors });
const known = (firstOffset: number) => ({
  firstReportedAt: `${addDays(D, firstOffset)}T00:00:00.000Z`,
  lastSuccessAt: null,
});

describe('integration decay', () => {
  it.each([
    // last 7 days, baseline, spike
    [[d(-1, 7, 5)], [d(-10, 20, 1)], true], // 41.7 % against 4.8 %
    [[d(-1, 47, 5)], [d(-10, 20, 1)], false], // 9.6 % is under 14.3 %
    [[d(-1, 5, 4)], [d(-10, 20, 0)], false], // 9 reports: under the minimum volume
    [[d(-1, 9, 2)], [], false], // 2 errors: under the minimum
    [[d(-1, 9, 3)], [], true], // no baseline counts as 0 %
    [[d(-1, 7, 5)], [d(-40, 0, 20)], true], // errors before the 28-day baseline do not count
  ])('7 days %j against baseline %j: spike %s', (recent, baseline, spike) => {
    expect(integrationHealth(D, [...recent, ...baseline], known(-60), T).errorSpike).toBe(spike);
  });

  it.each([
    // days, first report offset, no recent sync
    [[d(-7, 1, 0), d(-1, 0, 3)], -30, true],
    [[d(-6, 1, 0)], -30, false],
    [[d(-1, 0, 5)], -6, false], // known for 6 days only
    [[d(-1, 0, 5)], -7, true], // never succeeded in 7 days
    [[d(1, 1, 0), d(-8, 1, 0)], -30, true], // a success after the day judged does not count
  ] as Array<[ReturnType<typeof d>[], number, boolean]>)('%j first seen day %i: %s', (days, first, flagged) => {
    expect(integrationHealth(D, days, known(first), T).noRecentSync).toBe(flagged);
  });

  it('falls back on the last success kept when the days are gone', () => {
    const h = integrationHealth(
      D,
      [],
      { firstReportedAt: '2026-01-01T00:00:00Z', lastSuccessAt: `${addDays(D, -3)}T10:00:00Z` },
      T,
    );
    expect(h).toMatchObject({ lastSuccessDay: addDays(D, -3), daysSinceSuccess: 3, noRecentSync: false });
  });
});

describe('reports', () => {
  const r = (status: 'ok' | 'error', occurredAt: string, detail: string | null = null): StatusReport => ({
    accountId: 'a',
    integration: 'crm',
    status,
    detail,
    occurredAt,
  });

  it('counts per day and keeps the latest of each field whatever the order', () => {
    const reports = [
      r('error', '2026-11-20T10:00:00Z', 'late'),
      r('ok', '2026-11-19T10:00:00Z'),
      r('error', '2026-11-19T09:00:00Z', 'early'),
      r('ok', '2026-11-18T10:00:00Z'),
    ];
    expect(dayCounts(reports).map((c) => [c.day, c.ok, c.errors])).toEqual([
      ['2026-11-18', 1, 0],
      ['2026-11-19', 1, 1],
      ['2026-11-20', 0, 1],
    ]);
    expect(mergeLatest(new Map(), reports)).toEqual([
      {
        accountId: 'a',
        integration: 'crm',
        firstReportedAt: '2026-11-18T10:00:00Z',
        lastReportedAt: '2026-11-20T10:00:00Z',
        lastStatus: 'error',
        lastSuccessAt: '2026-11-19T10:00:00Z',
        lastErrorAt: '2026-11-20T10:00:00Z',
        lastErrorDetail: 'late',
      },
    ]);
  });

  it.each([
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T10:00:00+02:00', '2026-11-20T08:00:00.000Z'],
    ['2026-11-20 10:00Z', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:00', null], // no time zone
    ['20/11/2026', null],
    ['2026-02-30', null],
  ])('reads the time %s as %s', (text, iso) => {
    expect(instantOf(text)).toBe(iso);
  });

  it('names every bad field of a CSV row', () => {
    expect(readStatusRow({ account: '', integration: 'x', status: 'fine', occurred_at: 'soon' }, 4)).toEqual({
      ok: false,
      errors: [
        { row: 4, field: 'account', reason: 'required: a Baton account id, a CRM id or a domain' },
        { row: 4, field: 'status', reason: 'must be ok or error (not fine)' },
        { row: 4, field: 'occurred_at', reason: 'soon is not an ISO date or timestamp with a time zone' },
      ],
    });
  });

  it('recognises a report sent again by its source and id, else by its source, account, integration and time', () => {
    const r = {
      source: '',
      reportId: null,
      account: 'Northwind.example',
      integration: 'crm-sync',
      occurredAt: '2026-11-20T08:00:00.000Z',
    };
    expect(reportKey({ ...r, account: ' northwind.example' })).toBe(reportKey(r));
    expect(reportKey({ ...r, occurredAt: '2026-11-20T08:00:01.000Z' })).not.toBe(reportKey(r));
    expect(reportKey({ ...r, integration: 'billing' })).not.toBe(reportKey(r));
    expect(reportKey({ ...r, account: 'contoso.example' }), 'two accounts syncing at the same time').not.toBe(
      reportKey(r),
    );
    expect(reportKey({ ...r, source: 'workato' })).not.toBe(reportKey(r));
    const withId = { ...r, reportId: 'run-1' };
    expect(reportKey({ ...withId, occurredAt: '2026-11-21T00:00:00.000Z' }), 'an id decides alone').toBe(
      reportKey(withId),
    );
    expect(reportKey({ ...withId, reportId: 'run-2' })).not.toBe(reportKey(withId));
  });
});
