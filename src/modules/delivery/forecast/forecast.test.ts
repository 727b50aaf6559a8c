import { describe, expect, it } from 'vitest';
import { forecastProjectAlone, forecastWorkspace } from './forecast.ts';
import { PEOPLE, project, resource, task, TODAY } from './forecast.fixtures.ts';
import type { ForecastProject, ForecastResource } from './forecast.types.ts';

interface Case {
  name: string;
  projects: ForecastProject[];
  resources?: ForecastResource[];
  holidays?: string[];
  /** task id → [start, finish] */
  expected: Record<string, [string, string]>;
  /** When given: exactly these tasks are critical. */
  critical?: string[];
  /** When given: project id → finish. */
  finish?: Record<string, string>;
}

const bob = { assigneeId: 'bob', ownerRole: 'solution_architect' };
const customer = { customerOwned: true, assigneeId: null, ownerRole: 'customer', remainingHours: 0 };
const unassigned = { assigneeId: null };

const cases: Case[] = [
  {
    name: 'simple chain: each task starts the working day after its dependency finishes',
    projects: [
      project('p', [task('a'), task('b', { dependsOn: ['a'], remainingHours: 16 }), task('c', { dependsOn: ['b'] })]),
    ],
    expected: {
      'p/a': ['2026-03-02', '2026-03-02'],
      'p/b': ['2026-03-03', '2026-03-04'],
      'p/c': ['2026-03-05', '2026-03-05'],
    },
    critical: ['p/a', 'p/b', 'p/c'],
    finish: { p: '2026-03-05' },
  },
  {
    name: 'parallel branches joining: the join waits for the later branch, only that branch is critical',
    projects: [
      project('p', [
        task('a'),
        task('b', { dependsOn: ['a'], remainingHours: 16 }),
        task('c', { dependsOn: ['a'], remainingHours: 4, ...bob }),
        task('d', { dependsOn: ['b', 'c'] }),
      ]),
    ],
    expected: {
      'p/a': ['2026-03-02', '2026-03-02'],
      'p/b': ['2026-03-03', '2026-03-04'],
      'p/c': ['2026-03-03', '2026-03-03'],
      'p/d': ['2026-03-05', '2026-03-05'],
    },
    critical: ['p/a', 'p/b', 'p/d'],
    finish: { p: '2026-03-05' },
  },
  {
    name: 'dependencies across phases: the build phase waits for every task closing discovery',
    projects: [
      project('p', [
        task('kickoff'),
        task('requirements', { dependsOn: ['kickoff'], remainingHours: 12, ...unassigned }),
        task('environment', { dependsOn: ['kickoff'], durationDays: 3, ...customer }),
        task('configure', { dependsOn: ['requirements', 'environment'], remainingHours: 16 }),
      ]),
    ],
    expected: {
      'p/kickoff': ['2026-03-02', '2026-03-02'],
      'p/requirements': ['2026-03-03', '2026-03-04'],
      'p/environment': ['2026-03-03', '2026-03-05'],
      'p/configure': ['2026-03-06', '2026-03-09'],
    },
    critical: ['p/kickoff', 'p/environment', 'p/configure'],
    finish: { p: '2026-03-09' },
  },
  {
    name: 'weekends are skipped by people and by customer tasks',
    projects: [
      project('p', [task('a', { remainingHours: 24 }), task('b', { dependsOn: ['a'], durationDays: 2, ...customer })], {
        startOn: '2026-03-05',
      }),
    ],
    expected: { 'p/a': ['2026-03-05', '2026-03-09'], 'p/b': ['2026-03-10', '2026-03-11'] },
  },
  {
    name: 'a holiday inside a task: nobody works it, assigned, unassigned or customer',
    holidays: ['2026-03-04'],
    projects: [
      project('p', [
        task('a', { remainingHours: 24 }),
        task('b', { dependsOn: ['a'], remainingHours: 6, ...unassigned }),
        task('c', { durationDays: 3, ...customer }),
      ]),
    ],
    expected: {
      'p/a': ['2026-03-02', '2026-03-05'],
      'p/b': ['2026-03-06', '2026-03-06'],
      'p/c': ['2026-03-02', '2026-03-05'],
    },
  },
  {
    name: "the assignee's time off pushes the task",
    resources: [resource('ann', { timeOff: [{ from: '2026-03-03', to: '2026-03-04' }] })],
    projects: [project('p', [task('a', { remainingHours: 16 })])],
    expected: { 'p/a': ['2026-03-02', '2026-03-05'] },
  },
  {
    name: 'a long absence is waited out, not refused',
    resources: [resource('ann', { timeOff: [{ from: '2026-03-02', to: '2027-03-05' }] })],
    projects: [project('p', [task('a')])],
    expected: { 'p/a': ['2027-03-08', '2027-03-08'] },
  },
  {
    name: 'one person shared by two projects: the higher priority books first, whatever the input order',
    projects: [
      project('later', [task('x', { remainingHours: 16 })], { priority: 2 }),
      project('first', [task('y', { remainingHours: 16 })], { priority: 1 }),
    ],
    expected: { 'first/y': ['2026-03-02', '2026-03-03'], 'later/x': ['2026-03-04', '2026-03-05'] },
    finish: { first: '2026-03-03', later: '2026-03-05' },
  },
  {
    name: 'a lower-priority project fills the days the first one leaves free',
    projects: [
      project(
        'first',
        [task('a'), task('b', { dependsOn: ['a'], durationDays: 2, ...customer }), task('c', { dependsOn: ['b'] })],
        { priority: 1 },
      ),
      project('second', [task('z', { remainingHours: 24 })], { priority: 2 }),
    ],
    expected: {
      'first/a': ['2026-03-02', '2026-03-02'],
      'first/c': ['2026-03-05', '2026-03-05'],
      'second/z': ['2026-03-03', '2026-03-06'],
    },
  },
  {
    name: 'a task delayed by its busy assignee is critical, its dependency is not',
    projects: [
      project('first', [task('q', { remainingHours: 24 })], { priority: 1 }),
      project('second', [task('a', { ...bob, remainingHours: 4 }), task('b', { dependsOn: ['a'] })], { priority: 2 }),
    ],
    expected: {
      'first/q': ['2026-03-02', '2026-03-04'],
      'second/a': ['2026-03-02', '2026-03-02'],
      'second/b': ['2026-03-05', '2026-03-05'],
    },
    critical: ['first/q', 'second/b'],
  },
  {
    name: 'a part-time person (20 h/week) gives 4 hours a day',
    projects: [project('p', [task('a', { ...bob, remainingHours: 12 })])],
    expected: { 'p/a': ['2026-03-02', '2026-03-04'] },
  },
  {
    name: 'a person working 4 long days (40 h Mon–Thu) never works Fridays',
    resources: [resource('ann', { workingDays: [1, 2, 3, 4] })],
    projects: [project('p', [task('a', { remainingHours: 50 })])],
    expected: { 'p/a': ['2026-03-02', '2026-03-09'] },
  },
  {
    name: 'durationDays longer than the effort sets the finish; the hours left that day go to other work',
    projects: [project('p', [task('a', { remainingHours: 4, durationDays: 5 }), task('b')])],
    expected: { 'p/a': ['2026-03-02', '2026-03-06'], 'p/b': ['2026-03-02', '2026-03-03'] },
    critical: ['p/a'],
  },
  {
    name: 'in progress: keeps its start; days already spent count towards durationDays; remaining hours from today',
    projects: [
      project('p', [
        task('a', { state: 'in_progress', startedOn: '2026-02-25', remainingHours: 8, durationDays: 10 }),
        task('b', { state: 'in_progress', startedOn: '2026-02-25', remainingHours: 16, durationDays: 3, ...bob }),
      ]),
    ],
    expected: { 'p/a': ['2026-02-25', '2026-03-10'], 'p/b': ['2026-02-25', '2026-03-05'] },
  },
  {
    name: 'done tasks keep their dates, book nothing and are never critical',
    projects: [
      project('p', [
        task('a', { state: 'done', startedOn: '2026-02-20', doneOn: '2026-02-27', remainingHours: 0 }),
        task('b', { dependsOn: ['a'] }),
      ]),
      project('closed', [
        task('c', { state: 'done', startedOn: '2026-02-09', doneOn: '2026-02-10', remainingHours: 0 }),
        task('d', { state: 'done', doneOn: '2026-02-12', remainingHours: 0 }),
        task('e', { state: 'done', remainingHours: 0 }),
        task('f', { dependsOn: ['e'], state: 'done', doneOn: '2026-02-11', remainingHours: 0 }),
      ]),
    ],
    expected: {
      'p/a': ['2026-02-20', '2026-02-27'],
      'p/b': ['2026-03-02', '2026-03-02'],
      'closed/c': ['2026-02-09', '2026-02-10'],
      'closed/d': ['2026-02-12', '2026-02-12'],
      'closed/e': ['2026-03-01', '2026-03-01'],
    },
    critical: ['p/b'],
    finish: { p: '2026-03-02', closed: '2026-03-01' },
  },
  {
    name: 'a customer task takes its working days and no one of ours',
    projects: [project('p', [task('c', { ...customer, durationDays: 3, remainingHours: 40 }), task('a')])],
    expected: { 'p/c': ['2026-03-02', '2026-03-04'], 'p/a': ['2026-03-02', '2026-03-02'] },
  },
  {
    name: 'an unassigned task runs at unassignedHoursPerDay (6) on workspace days, competing with no one',
    projects: [
      project('p', [
        task('u', { ...unassigned, remainingHours: 20 }),
        task('v', { ...unassigned, remainingHours: 3, durationDays: 2 }),
        task('a'),
      ]),
    ],
    expected: {
      'p/u': ['2026-03-02', '2026-03-05'],
      'p/v': ['2026-03-02', '2026-03-03'],
      'p/a': ['2026-03-02', '2026-03-02'],
    },
  },
  {
    name: 'a blocked task is scheduled as if it resumed today',
    projects: [
      project('p', [
        task('x', { state: 'blocked' }),
        task('y', { state: 'blocked', startedOn: '2026-02-26', durationDays: 2, remainingHours: 4, ...bob }),
        task('z', { dependsOn: ['x'] }),
      ]),
    ],
    expected: {
      'p/x': ['2026-03-02', '2026-03-02'],
      'p/y': ['2026-02-26', '2026-03-02'],
      'p/z': ['2026-03-03', '2026-03-03'],
    },
  },
  {
    name: 'nothing before today, nothing before the project starts',
    projects: [
      project('old', [task('a', bob)], { startOn: '2026-02-01' }),
      project('queued', [task('a', bob)], { startOn: '2026-03-11', priority: 2 }),
    ],
    expected: { 'old/a': ['2026-03-02', '2026-03-03'], 'queued/a': ['2026-03-11', '2026-03-12'] },
  },
  {
    name: 'a zero-length milestone task finishes the day it starts',
    projects: [project('p', [task('a'), task('m', { dependsOn: ['a'], remainingHours: 0, durationDays: 0 })])],
    expected: { 'p/a': ['2026-03-02', '2026-03-02'], 'p/m': ['2026-03-03', '2026-03-03'] },
    critical: ['p/a', 'p/m'],
  },
  {
    name: 'a dependency on a key only another project has is ignored, as graph.ts ignores unknown keys',
    projects: [
      project('one', [task('x', { ...bob, remainingHours: 40 }), task('y', { ...bob, dependsOn: ['x'] })]),
      project('two', [task('a', { dependsOn: ['x'] }), task('b', { dependsOn: ['y', 'a'] })], { priority: 2 }),
    ],
    expected: { 'two/a': ['2026-03-02', '2026-03-02'], 'two/b': ['2026-03-03', '2026-03-03'] },
  },
  {
    name: 'the critical chain books the shared person first within a project',
    projects: [project('p', [task('short'), task('long1'), task('long2', { dependsOn: ['long1'], durationDays: 3 })])],
    expected: {
      'p/long1': ['2026-03-02', '2026-03-02'],
      'p/short': ['2026-03-04', '2026-03-04'],
      'p/long2': ['2026-03-03', '2026-03-05'],
    },
    critical: ['p/long1', 'p/long2'],
  },
];

describe('forecastWorkspace', () => {
  it.each(cases)('$name', (c) => {
    const result = forecastWorkspace({
      today: TODAY,
      projects: c.projects,
      resources: c.resources ?? PEOPLE,
      holidays: c.holidays ?? [],
      unassignedHoursPerDay: 6,
    });
    const tasks = new Map(result.projects.flatMap((p) => p.tasks.map((t) => [t.id, t])));
    for (const [id, [start, finish]] of Object.entries(c.expected))
      expect({ id, start: tasks.get(id)?.start, finish: tasks.get(id)?.finish }).toEqual({ id, start, finish });
    if (c.critical)
      expect(
        [...tasks.values()]
          .filter((t) => t.critical)
          .map((t) => t.id)
          .sort(),
      ).toEqual([...c.critical].sort());
    for (const [id, finish] of Object.entries(c.finish ?? {}))
      expect(result.projects.find((p) => p.id === id)?.finish).toBe(finish);
    expect(result.projects.map((p) => p.id)).toEqual(c.projects.map((p) => p.id));
  });

  it('sums planned hours per role and ISO week, and per person; customer and done work plan none', () => {
    const result = forecastWorkspace({
      today: TODAY,
      resources: PEOPLE,
      holidays: [],
      unassignedHoursPerDay: 6,
      projects: [
        project(
          'p',
          [
            task('a', { remainingHours: 16 }),
            task('b', { ...unassigned, ownerRole: 'solution_architect', remainingHours: 12 }),
            task('c', { ...customer, remainingHours: 40, durationDays: 5 }),
            task('d', { state: 'done', doneOn: '2026-03-01', remainingHours: 0 }),
          ],
          { startOn: '2026-03-06' },
        ),
      ],
    });
    expect(result.demandByRoleWeek).toEqual(
      new Map([
        [
          'consultant',
          new Map([
            ['2026-03-02', 8],
            ['2026-03-09', 8],
          ]),
        ],
        [
          'solution_architect',
          new Map([
            ['2026-03-02', 6],
            ['2026-03-09', 6],
          ]),
        ],
      ]),
    );
    expect(result.loadByResourceWeek).toEqual(
      new Map([
        [
          'ann',
          new Map([
            ['2026-03-02', 8],
            ['2026-03-09', 8],
          ]),
        ],
      ]),
    );
    expect(result.load).toBeUndefined();
  });

  it('returns hours per person per day when asked', () => {
    const result = forecastWorkspace({
      today: TODAY,
      resources: PEOPLE,
      holidays: [],
      unassignedHoursPerDay: 6,
      dailyLoad: true,
      projects: [project('p', [task('a', { remainingHours: 12 }), task('b', { ...bob, remainingHours: 6 })])],
    });
    expect(result.load).toEqual(
      new Map([
        [
          'ann',
          new Map([
            ['2026-03-02', 8],
            ['2026-03-03', 4],
          ]),
        ],
        [
          'bob',
          new Map([
            ['2026-03-02', 4],
            ['2026-03-03', 2],
          ]),
        ],
      ]),
    );
  });

  it('forecasts one project alone the same way', () => {
    const p = project('p', [task('a', { remainingHours: 16 }), task('b', { dependsOn: ['a'] })]);
    const alone = forecastProjectAlone(p, { today: TODAY, resources: PEOPLE, holidays: [], unassignedHoursPerDay: 6 });
    expect(alone.finish).toBe('2026-03-04');
    expect(alone.tasks.map((t) => [t.id, t.start, t.finish])).toEqual([
      ['p/a', '2026-03-02', '2026-03-03'],
      ['p/b', '2026-03-04', '2026-03-04'],
    ]);
  });

  it('finishes an empty project when it starts', () => {
    const r = forecastWorkspace({
      today: TODAY,
      resources: [],
      holidays: [],
      unassignedHoursPerDay: 6,
      projects: [project('p', [], { startOn: '2026-04-01' })],
    });
    expect(r.projects[0]).toEqual({ id: 'p', finish: '2026-04-01', tasks: [] });
  });
});
