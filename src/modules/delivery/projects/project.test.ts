import { describe, expect, it } from 'vitest';
import { deliveryMetrics, nextStatus, percentile, slipOf } from './project.ts';
import { DEFAULT_THRESHOLDS, projectSignals, type SignalProject, weekdaysBetween } from './project-signals.ts';

describe('slips', () => {
  const base = { promised: '2027-03-01', lastSlipTo: null, stepDays: 5 };
  it.each([
    ['within the promise', { previousForecast: '2027-02-01', newForecast: '2027-02-28' }, null],
    ['exactly on the promise', { previousForecast: '2027-02-01', newForecast: '2027-03-01' }, null],
    ['crossing the promise', { previousForecast: '2027-02-20', newForecast: '2027-03-04' }, 3],
    ['a first forecast already past the promise', { previousForecast: null, newForecast: '2027-03-11' }, 10],
    ['no promise', { previousForecast: '2027-02-20', newForecast: '2027-09-01', promised: null }, null],
  ])('%s', (_name, over, days) => {
    expect(slipOf({ ...base, ...over })).toEqual(days === null ? null : { days });
  });
  it('past the promise, records again only when the forecast moves at least the step further', () => {
    const past = { ...base, previousForecast: '2027-03-10', lastSlipTo: '2027-03-10' };
    expect(slipOf({ ...past, newForecast: '2027-03-14' })).toBeNull();
    expect(slipOf({ ...past, newForecast: '2027-03-15' })).toEqual({ days: 14 });
    expect(slipOf({ ...past, newForecast: '2027-03-05' })).toBeNull();
  });
});

describe('project lifecycle', () => {
  it.each([
    ['queued', 'kickoff', 'active'],
    ['active', 'go_live', 'live'],
    ['live', 'close', 'closed'],
    ['active', 'cancel', 'cancelled'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toEqual({ ok: true, to });
  });
  it.each([
    ['active', 'kickoff'],
    ['queued', 'go_live'],
    ['live', 'cancel'],
    ['closed', 'close'],
  ] as const)('refuses %s --%s', (from, action) => {
    expect(nextStatus(from, action).ok).toBe(false);
  });
});

describe('delivery metrics', () => {
  it('counts queue wait, duration against the promise, time to value and lateness', () => {
    const m = deliveryMetrics(
      {
        signedOn: '2026-01-01',
        acceptedOn: '2026-01-05',
        kickoffOn: '2026-01-21',
        promisedGoLive: '2026-04-01',
        goLiveOn: '2026-04-11',
        firstValueOn: '2026-02-15',
        forecastGoLive: null,
      },
      '2026-06-01',
    );
    expect(m).toEqual({
      queueWaitDays: 20,
      implementationDays: 80,
      implementationIsForecast: false,
      promisedDays: 90,
      timeToValueDays: 45,
      daysLate: 10,
    });
  });
  it('uses the forecast while the project runs and today while it waits', () => {
    const m = deliveryMetrics(
      {
        signedOn: null,
        acceptedOn: '2026-05-01',
        kickoffOn: null,
        promisedGoLive: '2026-08-01',
        goLiveOn: null,
        firstValueOn: null,
        forecastGoLive: '2026-07-20',
      },
      '2026-05-11',
    );
    expect(m).toMatchObject({ queueWaitDays: 10, implementationDays: null, timeToValueDays: null, daysLate: 0 });
  });
  it('percentiles interpolate between ranks', () => {
    expect(percentile([10, 20, 30, 40, 50], 0.75)).toBe(40);
    expect(percentile([10, 20], 0.75)).toBe(17.5);
    expect(percentile([], 0.5)).toBeNull();
  });
});

const project = (over: Partial<SignalProject> = {}): SignalProject => ({
  id: 'p1',
  name: 'Rollout',
  status: 'active',
  kickoffOn: '2026-11-02',
  promisedGoLive: '2027-02-01',
  forecastGoLive: '2027-01-15',
  firstValue: { name: 'First report', targetDay: 30, completedOn: null },
  tasks: [],
  slips: [],
  scopeChanges: [],
  peerDurations: [],
  ...over,
});
const task = (id: string, over: Partial<SignalProject['tasks'][number]> = {}) => ({
  id,
  name: `Task ${id}`,
  state: 'todo',
  critical: true,
  remainingHours: 10,
  assigneeId: null,
  assigneeName: null,
  blockedReason: null,
  blockedSince: null,
  ...over,
});
const kinds = (p: SignalProject, today = '2026-11-20') =>
  projectSignals(p, today)
    .map((s) => s.kind)
    .sort();

describe('delivery signals', () => {
  it('hold none for a healthy project', () => {
    expect(kinds(project())).toEqual([]);
  });
  it('flag work concentrated on one person, above half of the open critical-path effort', () => {
    const tasks = [
      task('a', { assigneeId: 'r1', assigneeName: 'Dana', remainingHours: 30 }),
      task('b', { assigneeId: 'r2', remainingHours: 10 }),
      task('c', { critical: false, assigneeId: 'r2', remainingHours: 500 }),
    ];
    const [s] = projectSignals(project({ tasks }), '2026-11-20');
    expect(s).toMatchObject({
      kind: 'delivery.concentrated_work',
      evidence: { person: 'Dana', hours: 30, criticalPathHours: 40, share: 0.75 },
    });
    const even = [
      task('a', { assigneeId: 'r1', remainingHours: 20 }),
      task('b', { assigneeId: 'r2', remainingHours: 20 }),
    ];
    expect(kinds(project({ tasks: even }))).toEqual([]);
  });
  it('flag a task blocked more than five working days', () => {
    const blocked = (since: string) =>
      project({ tasks: [task('a', { state: 'blocked', blockedSince: since, blockedReason: 'no VPN' })] });
    expect(weekdaysBetween('2026-11-12', '2026-11-20')).toBe(6);
    expect(kinds(blocked('2026-11-12'))).toEqual(['delivery.blocked_task']);
    expect(kinds(blocked('2026-11-13'))).toEqual([]);
  });
  it('flag a projected duration beyond the playbook’s 75th percentile once enough projects finished', () => {
    const long = project({ forecastGoLive: '2027-03-01', promisedGoLive: '2027-04-01' }); // 119 days after kickoff
    expect(kinds({ ...long, peerDurations: [60, 70, 80, 90] })).toEqual(['delivery.long_duration']);
    expect(kinds({ ...long, peerDurations: [60, 70, 80] })).toEqual([]);
    expect(kinds({ ...long, peerDurations: [100, 110, 120, 130] })).toEqual([]);
  });
  it('flag a forecast past the promise, two slips as severe, and overdue first value', () => {
    const late = projectSignals(
      project({
        forecastGoLive: '2027-02-11',
        slips: [1, 2].map((i) => ({
          recordedAt: `2026-12-0${i}T10:00:00Z`,
          days: i * 5,
          reasonCode: null,
          toForecast: '2027-02-11',
        })),
      }),
      '2026-12-10',
    );
    expect(late.map((s) => [s.kind, s.severity]).sort()).toEqual([
      ['ttv.first_value_overdue', 'warning'],
      ['ttv.forecast_late', 'warning'],
      ['ttv.repeated_slips', 'severe'],
    ]);
    expect(late.find((s) => s.kind === 'ttv.first_value_overdue')?.evidence).toMatchObject({
      dueOn: '2026-12-02',
      daysOverdue: 8,
    });
  });
  it('flag slips and scope changes within fourteen days of kickoff as handoff trouble', () => {
    const early = project({
      slips: [{ recordedAt: '2026-11-10T09:00:00Z', days: 3, reasonCode: 'scope_change', toForecast: '2027-02-04' }],
      scopeChanges: [{ at: '2026-11-16T09:00:00Z', what: 'task added' }],
      forecastGoLive: '2027-01-30',
    });
    expect(kinds(early)).toEqual(['handoff.early_scope_change', 'handoff.early_slip']);
    const later = project({ scopeChanges: [{ at: '2026-11-17T09:00:00Z', what: 'task added' }] });
    expect(kinds(later)).toEqual([]);
  });
  it('hold nothing for live, closed or cancelled projects', () => {
    for (const status of ['live', 'closed', 'cancelled'])
      expect(kinds(project({ status, forecastGoLive: '2027-05-01' }))).toEqual([]);
  });
  it('use the configured thresholds', () => {
    const tasks = [
      task('a', { assigneeId: 'r1', remainingHours: 6 }),
      task('b', { assigneeId: 'r2', remainingHours: 4 }),
    ];
    expect(
      projectSignals(project({ tasks }), '2026-11-20', { ...DEFAULT_THRESHOLDS, concentrationShare: 0.55 }).map(
        (s) => s.kind,
      ),
    ).toEqual(['delivery.concentrated_work']);
  });
});
