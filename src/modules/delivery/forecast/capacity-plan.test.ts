import { describe, expect, it } from 'vitest';
import { capacityPlan, type CapacityPlanInput } from './capacity-plan.ts';
import { resource } from './forecast.fixtures.ts';

/**
 * Four weeks from Monday 2026-03-02 (asked for with a Wednesday). Monday 16 March is a holiday.
 * ann: consultant 40 h Mon–Fri, off Tue 10 – Wed 11 March. cy: consultant 20 h on Mon/Tue/Wed.
 * bob: solution architect 40 h Mon–Fri. Nobody is a trainer.
 */
const input: CapacityPlanInput = {
  startWeek: '2026-03-04',
  weeks: 4,
  holidays: ['2026-03-16'],
  bufferPct: 0.15,
  resources: [
    resource('ann', { timeOff: [{ from: '2026-03-10', to: '2026-03-11' }] }),
    resource('cy', { weeklyCapacityHours: 20, workingDays: [1, 2, 3] }),
    resource('bob', { role: 'solution_architect' }),
  ],
  projectDemand: new Map([
    [
      'consultant',
      new Map([
        ['2026-02-23', 50],
        ['2026-03-02', 30],
        ['2026-03-09', 44],
        ['2026-03-16', 20],
        ['2026-04-27', 100],
      ]),
    ],
  ]),
  pipeline: [
    {
      dealId: 'd1',
      probability: 0.5,
      expectedStart: '2026-03-11',
      durationWeeks: 3,
      effortByRole: { consultant: 60, solution_architect: 24 },
    },
    { dealId: 'd2', probability: 0.25, expectedStart: '2026-02-25', durationWeeks: 2, effortByRole: { trainer: 80 } },
  ],
};

// role, week, capacity, project demand, pipeline demand, status
const expected: Array<[string, string, number, number, number, string]> = [
  ['consultant', '2026-03-02', 60, 30, 0, 'under'],
  ['consultant', '2026-03-09', 44, 44, 10, 'over'],
  ['consultant', '2026-03-16', 32 + 40 / 3, 20, 10, 'ok'],
  ['consultant', '2026-03-23', 60, 0, 10, 'under'],
  ['solution_architect', '2026-03-02', 40, 0, 0, 'under'],
  ['solution_architect', '2026-03-09', 40, 0, 4, 'under'],
  ['solution_architect', '2026-03-16', 32, 0, 4, 'under'],
  ['solution_architect', '2026-03-23', 40, 0, 4, 'under'],
  ['trainer', '2026-03-02', 0, 0, 10, 'no_capacity'],
  ['trainer', '2026-03-09', 0, 0, 0, 'ok'],
  ['trainer', '2026-03-16', 0, 0, 0, 'ok'],
  ['trainer', '2026-03-23', 0, 0, 0, 'ok'],
];

describe('capacityPlan', () => {
  const plan = capacityPlan(input);

  it('lists the weeks from the Monday of startWeek and every role with capacity or demand', () => {
    expect(plan.weeks).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    expect(plan.roles).toEqual(['consultant', 'solution_architect', 'trainer']);
    expect(plan.rows.map((r) => [r.role, r.week])).toEqual(expected.map(([role, week]) => [role, week]));
  });

  it.each(expected)(
    '%s in the week of %s: capacity %d, project %d, pipeline %d → %s',
    (role, week, capacity, project, pipeline, status) => {
      const row = plan.rows.find((r) => r.role === role && r.week === week)!;
      expect(row.capacityHours).toBeCloseTo(capacity, 9);
      expect(row.projectDemandHours).toBeCloseTo(project, 9);
      expect(row.pipelineDemandHours).toBeCloseTo(pipeline, 9);
      expect(row.demandHours).toBeCloseTo(project + pipeline, 9);
      expect(row.availableAfterBufferHours).toBeCloseTo(capacity * 0.85, 9);
      expect(row.gapHours).toBeCloseTo(project + pipeline - capacity * 0.85, 9);
      if (capacity === 0) expect(row.utilization).toBeNull();
      else expect(row.utilization!).toBeCloseTo((project + pipeline) / capacity, 9);
      expect(row.status).toBe(status);
    },
  );

  it('totals every role per week', () => {
    expect(plan.totals.map((t) => t.week)).toEqual(plan.weeks);
    const first = plan.totals[0]!;
    expect(first.capacityHours).toBeCloseTo(100, 9);
    expect(first.demandHours).toBeCloseTo(40, 9);
    expect(first.utilization!).toBeCloseTo(0.4, 9);
    expect(first.gapHours).toBeCloseTo(40 - 85, 9);
    expect(first.status).toBe('under');
    expect(plan.totals[1]!.demandHours).toBeCloseTo(44 + 10 + 4, 9);
  });

  it('is over as soon as demand eats into the buffer, even below full utilization', () => {
    const one = (demand: number) =>
      capacityPlan({
        ...input,
        weeks: 1,
        resources: [resource('ann')],
        pipeline: [],
        projectDemand: new Map([['consultant', new Map([['2026-03-02', demand]])]]),
      }).rows[0]!;
    expect([one(23.9).status, one(24).status, one(34).status, one(34.1).status, one(41).status]).toEqual([
      'under',
      'ok',
      'ok',
      'over',
      'over',
    ]);
    expect(one(34.1).utilization!).toBeLessThan(1);
  });

  it('plans 12 weeks by default', () => {
    expect(capacityPlan({ ...input, weeks: undefined }).weeks).toHaveLength(12);
  });

  it.each([
    ['a buffer of 100 %', { bufferPct: 1 }],
    ['a negative buffer', { bufferPct: -0.1 }],
    ['zero weeks', { weeks: 0 }],
    [
      'a probability above 1',
      {
        pipeline: [{ dealId: 'x', probability: 1.5, expectedStart: '2026-03-02', durationWeeks: 1, effortByRole: {} }],
      },
    ],
  ])('refuses %s', (_, overrides) => {
    expect(() => capacityPlan({ ...input, ...overrides })).toThrow(RangeError);
  });
});
