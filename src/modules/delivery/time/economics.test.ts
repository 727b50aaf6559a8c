import { describe, expect, it } from 'vitest';
import {
  capacityHours,
  type EconEntry,
  estimateAccuracy,
  isoWeekday,
  modelOf,
  projectEconomics,
  totalsOf,
  utilizationOf,
} from './economics.ts';

const entry = (resourceId: string, hours: number, over: Partial<EconEntry> = {}): EconEntry => ({
  resourceId,
  taskId: null,
  date: '2026-11-02',
  hours,
  billable: true,
  rework: false,
  ...over,
});
const rates = new Map([
  ['ana', { costRate: 50, billRate: 150 }],
  ['ben', { costRate: 80, billRate: 200 }],
]);
const project = { id: 'p', name: 'P', status: 'active', currency: 'USD' };

describe('project economics', () => {
  it('prices time and materials at billable hours × bill rate, cost at every hour × cost rate', () => {
    const e = [
      entry('ana', 10),
      entry('ben', 5),
      entry('ana', 4, { billable: false }),
      entry('ben', 2, { rework: true }),
    ];
    const r = projectEconomics({ ...project, commercialModel: 'time_and_materials', servicesFee: null }, e, rates, []);
    // cost: 14 × 50 + 7 × 80 = 700 + 560; revenue: 10 × 150 + 7 × 200 = 1500 + 1400
    expect(r.deliveryCost).toBe(1260);
    expect(r.revenue).toBe(2900);
    expect(r.margin).toBeCloseTo((2900 - 1260) / 2900, 4);
    expect(r.hours).toEqual({ total: 21, billable: 17, nonBillable: 4, rework: 2 });
    expect(r.rework.share).toBeCloseTo(2 / 21, 4);
  });

  it('takes the fee as revenue of a fixed fee project, whatever the billable hours', () => {
    const r = projectEconomics(
      { ...project, commercialModel: 'fixed_fee', servicesFee: 1000 },
      [entry('ben', 15)],
      rates,
      [],
    );
    expect(r.revenue).toBe(1000);
    expect(r.deliveryCost).toBe(1200);
    expect(r.margin).toBeCloseTo(-0.2, 4);
  });

  it('has no margin without revenue, and no rework share without hours', () => {
    const r = projectEconomics({ ...project, commercialModel: null, servicesFee: null }, [], rates, []);
    expect(r.commercialModel).toBe('time_and_materials');
    expect(r.margin).toBeNull();
    expect(r.rework.share).toBeNull();
  });

  it('costs recorded rework by cause: at the task assignee’s rate, else at the project’s average hour', () => {
    const e = [entry('ana', 10), entry('ben', 10)]; // cost 500 + 800 over 20 h: 65 an hour
    const tasks = [{ id: 't1', taskType: 'integration', effortHours: 10, assigneeId: 'ben' }];
    const rework = [
      { taskId: 't1', hours: 3, cause: 'defect' },
      { taskId: null, hours: 2, cause: 'defect' },
      { taskId: null, hours: 4, cause: 'requirements_changed' },
    ];
    const r = projectEconomics(
      { ...project, commercialModel: 'fixed_fee', servicesFee: 5000 },
      e,
      rates,
      tasks,
      rework,
    );
    expect(r.rework.byCause).toEqual([
      { cause: 'defect', records: 2, hours: 5, cost: 3 * 80 + 2 * 65 },
      { cause: 'requirements_changed', records: 1, hours: 4, cost: 4 * 65 },
    ]);
    expect(r.rework.recordedHours).toBe(9);
    expect(r.rework.recordedCost).toBe(370 + 260);
    const totals = totalsOf([r, r]);
    expect(totals.reworkByCause[0]).toEqual({ cause: 'defect', records: 4, hours: 10, cost: 740 });
  });

  it('reads a fee without a model as a fixed fee', () => {
    expect(modelOf({ commercialModel: null, servicesFee: 5000 })).toBe('fixed_fee');
  });
});

describe('estimate accuracy', () => {
  it('compares actual to estimated hours by task type, over the tasks with time only', () => {
    const tasks = [
      { id: 't1', taskType: 'configuration', effortHours: 10 },
      { id: 't2', taskType: 'configuration', effortHours: 6 },
      { id: 't3', taskType: 'training', effortHours: 4 },
      { id: 't4', taskType: 'integration', effortHours: 20 },
    ];
    const e = [
      entry('ana', 12, { taskId: 't1' }),
      entry('ana', 8, { taskId: 't2' }),
      entry('ben', 2, { taskId: 't3' }),
      entry('ben', 3),
    ];
    expect(estimateAccuracy(e, tasks)).toEqual([
      { taskType: 'configuration', tasks: 2, estimatedHours: 16, actualHours: 20, ratio: 1.25 },
      { taskType: 'training', tasks: 1, estimatedHours: 4, actualHours: 2, ratio: 0.5 },
    ]);
  });

  it('has no ratio for a type estimated at zero', () => {
    expect(
      estimateAccuracy([entry('ana', 3, { taskId: 'x' })], [{ id: 'x', taskType: 'other', effortHours: 0 }])[0]?.ratio,
    ).toBeNull();
  });
});

describe('utilization', () => {
  const ana = {
    id: 'ana',
    weeklyCapacityHours: 40,
    workingDays: [1, 2, 3, 4, 5],
    timeOff: [{ from: '2026-11-04', to: '2026-11-04' }],
  };

  it('counts capacity on working days, less holidays and time off', () => {
    expect(isoWeekday('2026-11-02')).toBe(1);
    expect(isoWeekday('2026-11-08')).toBe(7);
    // Mon 2 – Sun 8 November 2026: 5 working days, Wednesday off, Friday a holiday → 3 days × 8 h.
    expect(capacityHours(ana, '2026-11-02', '2026-11-08', new Set(['2026-11-06']))).toBe(24);
  });

  it('divides billable hours in the range by that capacity', () => {
    const e = [
      entry('ana', 6, { date: '2026-11-02' }),
      entry('ana', 6, { date: '2026-11-03', billable: false }),
      entry('ana', 9, { date: '2026-11-09' }),
    ];
    const [u] = utilizationOf([ana], e, ['2026-11-06'], '2026-11-02', '2026-11-08');
    expect(u).toEqual({ resourceId: 'ana', capacityHours: 24, hours: 12, billableHours: 6, utilization: 0.25 });
  });

  it('has no utilization without capacity', () => {
    expect(
      utilizationOf([{ ...ana, weeklyCapacityHours: 0 }], [], [], '2026-11-02', '2026-11-03')[0]?.utilization,
    ).toBeNull();
  });
});

describe('totals', () => {
  it('sums projects and takes the margin of the sums', () => {
    const a = projectEconomics(
      { ...project, commercialModel: 'fixed_fee', servicesFee: 1000 },
      [entry('ana', 10)],
      rates,
      [],
    );
    const b = projectEconomics(
      { ...project, id: 'q', commercialModel: 'time_and_materials', servicesFee: null },
      [entry('ben', 5)],
      rates,
      [],
    );
    const t = totalsOf([a, b]);
    expect(t.revenue).toBe(2000);
    expect(t.deliveryCost).toBe(900);
    expect(t.margin).toBeCloseTo(0.55, 4);
  });
});
