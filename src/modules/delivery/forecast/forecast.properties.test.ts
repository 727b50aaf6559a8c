import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastWorkspace } from './forecast.ts';
import { TODAY } from './forecast.fixtures.ts';
import type { ForecastInput, ForecastProject, ForecastResource, ForecastTask } from './forecast.types.ts';

/**
 * Random workspaces: a few people with their own weekdays, part-time hours and time off, holidays, and
 * projects whose tasks form random DAGs (each task depends on some earlier ones) in every state. The checks
 * use Date, not the engine's calendar, so they do not share its mistakes.
 */
const DAY_MS = 86_400_000;
const t0 = Date.parse(`${TODAY}T00:00:00Z`);
const dayIso = (offset: number) => new Date(t0 + offset * DAY_MS).toISOString().slice(0, 10);
const isoWeekday = (iso: string) => ((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const mondayOf = (iso: string) =>
  dayIso(Math.round((Date.parse(`${iso}T00:00:00Z`) - t0) / DAY_MS) - isoWeekday(iso) + 1);

const arbResource = (id: string) =>
  fc
    .record({
      weekly: fc.integer({ min: 4, max: 45 }),
      days: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
      off: fc.array(fc.tuple(fc.integer({ min: -5, max: 80 }), fc.integer({ min: 0, max: 12 })), { maxLength: 2 }),
      role: fc.constantFrom('consultant', 'solution_architect'),
    })
    .map((r): ForecastResource => ({
      id,
      role: r.role,
      weeklyCapacityHours: r.weekly,
      workingDays: r.days,
      timeOff: r.off.map(([from, len]) => ({ from: dayIso(from), to: dayIso(from + len) })),
    }));

const arbTask = fc.record({
  deps: fc.array(fc.nat(), { maxLength: 3 }),
  who: fc.constantFrom<'r0' | 'r1' | 'r2' | 'unassigned' | 'customer'>('r0', 'r1', 'r2', 'unassigned', 'customer'),
  hours: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.5, max: 30, noNaN: true })),
  durationDays: fc.integer({ min: 0, max: 6 }),
  state: fc.constantFrom<ForecastTask['state']>('todo', 'todo', 'in_progress', 'blocked', 'done'),
  ago: fc.integer({ min: 1, max: 15 }),
});

const arbProject = (p: number) =>
  fc
    .record({
      tasks: fc.array(arbTask, { minLength: 1, maxLength: 12 }),
      startIn: fc.integer({ min: -20, max: 20 }),
      priority: fc.integer({ min: 0, max: 3 }),
    })
    .map((g): ForecastProject => ({
      id: `p${p}`,
      startOn: dayIso(g.startIn),
      priority: g.priority,
      tasks: g.tasks.map((t, i) => ({
        id: `p${p}/t${i}`,
        key: `t${i}`,
        dependsOn: i === 0 ? [] : [...new Set(t.deps.map((d) => `t${d % i}`))],
        state: t.state,
        remainingHours: t.state === 'done' ? 0 : t.hours,
        durationDays: t.durationDays,
        assigneeId: t.who.startsWith('r') ? t.who : null,
        ownerRole: t.who === 'customer' ? 'customer' : 'consultant',
        customerOwned: t.who === 'customer',
        doneOn: t.state === 'done' ? dayIso(-t.ago) : null,
        startedOn: t.state === 'in_progress' || (t.state === 'blocked' && t.ago % 2 === 0) ? dayIso(-t.ago) : null,
      })),
    }));

const arbWorkspace = fc
  .record({
    resources: fc.tuple(arbResource('r0'), arbResource('r1'), arbResource('r2')),
    holidays: fc.uniqueArray(fc.integer({ min: -10, max: 150 }), { maxLength: 8 }),
    projects: fc.tuple(arbProject(0), arbProject(1), arbProject(2)),
    projectCount: fc.integer({ min: 1, max: 3 }),
  })
  .map((w): ForecastInput => ({
    today: TODAY,
    resources: [...w.resources],
    holidays: w.holidays.map(dayIso),
    projects: w.projects.slice(0, w.projectCount),
    unassignedHoursPerDay: 6,
    dailyLoad: true,
  }));

const notStarted = (t: ForecastTask) => t.state === 'todo' || (t.state === 'blocked' && t.startedOn === null);
const hoursPlanned = (input: ForecastInput, keep: (t: ForecastTask) => boolean) =>
  input.projects
    .flatMap((p) => p.tasks)
    .filter((t) => t.state !== 'done' && !t.customerOwned && keep(t))
    .reduce((s, t) => s + t.remainingHours, 0);

describe('forecastWorkspace properties', () => {
  it('starts every task after all its dependencies finish, never in the past nor before its project', () => {
    fc.assert(
      fc.property(arbWorkspace, (input) => {
        const out = forecastWorkspace(input);
        for (const [pi, p] of input.projects.entries()) {
          const planned = new Map(out.projects[pi]!.tasks.map((t) => [t.id, t]));
          const byKey = new Map(p.tasks.map((t) => [t.key, t]));
          for (const t of p.tasks) {
            if (t.state === 'done') continue;
            const f = planned.get(t.id)!;
            expect(f.finish >= f.start).toBe(true);
            expect(f.finish >= TODAY).toBe(true);
            if (notStarted(t)) expect(f.start >= TODAY && f.start >= p.startOn).toBe(true);
            for (const k of t.dependsOn) {
              const dep = planned.get(byKey.get(k)!.id)!;
              expect(f.finish > dep.finish).toBe(true);
              if (notStarted(t)) expect(f.start > dep.finish).toBe(true);
            }
          }
          expect(out.projects[pi]!.finish).toBe(
            out.projects[pi]!.tasks.map((t) => t.finish)
              .sort()
              .at(-1),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never plans a person over their daily capacity, nor on a day they do not work, and plans every hour', () => {
    fc.assert(
      fc.property(arbWorkspace, (input) => {
        const out = forecastWorkspace(input);
        const holidays = new Set(input.holidays);
        let booked = 0;
        for (const [id, days] of out.load!) {
          const r = input.resources.find((x) => x.id === id)!;
          const daily = r.weeklyCapacityHours / r.workingDays.length;
          for (const [day, hours] of days) {
            booked += hours;
            expect(hours).toBeLessThanOrEqual(daily + 1e-9);
            expect(day >= TODAY).toBe(true);
            expect(r.workingDays).toContain(isoWeekday(day));
            expect(holidays.has(day)).toBe(false);
            expect(r.timeOff.some((o) => day >= o.from && day <= o.to)).toBe(false);
          }
        }
        expect(booked).toBeCloseTo(
          hoursPlanned(input, (t) => t.assigneeId !== null),
          6,
        );
        let demand = 0;
        for (const weeks of out.demandByRoleWeek.values()) for (const h of weeks.values()) demand += h;
        expect(demand).toBeCloseTo(
          hoursPlanned(input, () => true),
          6,
        );
        let weekly = 0;
        for (const [id, weeks] of out.loadByResourceWeek) {
          for (const [monday, h] of weeks) {
            const daily = [...out.load!.get(id)!]
              .filter(([day]) => mondayOf(day) === monday)
              .reduce((s, [, x]) => s + x, 0);
            expect(h).toBeCloseTo(daily, 6);
            weekly += h;
          }
        }
        expect(weekly).toBeCloseTo(booked, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('starts and finishes nothing on a holiday or a day off of whoever does the task', () => {
    fc.assert(
      fc.property(arbWorkspace, (input) => {
        const out = forecastWorkspace(input);
        const holidays = new Set(input.holidays);
        for (const [pi, p] of input.projects.entries()) {
          for (const [ti, t] of p.tasks.entries()) {
            if (t.state === 'done') continue;
            const f = out.projects[pi]!.tasks[ti]!;
            const days = notStarted(t) ? [f.start, f.finish] : [f.finish];
            const r =
              t.assigneeId !== null && !t.customerOwned ? input.resources.find((x) => x.id === t.assigneeId)! : null;
            for (const day of days) {
              expect(holidays.has(day)).toBe(false);
              expect((r?.workingDays ?? [1, 2, 3, 4, 5]).includes(isoWeekday(day))).toBe(true);
              expect(r?.timeOff.some((o) => day >= o.from && day <= o.to) ?? false).toBe(false);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
