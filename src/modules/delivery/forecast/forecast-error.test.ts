import { describe, expect, it } from 'vitest';
import { ForecastError, forecastWorkspace } from './forecast.ts';
import { PEOPLE, project, resource, task, TODAY } from './forecast.fixtures.ts';
import type { ForecastProject, ForecastResource } from './forecast.types.ts';

interface Case {
  name: string;
  resources: ForecastResource[];
  projects: ForecastProject[];
  unassignedHoursPerDay?: number;
  expected: { reason: string; projectId: string | null; taskId: string | null; resourceId: string | null };
}

const zed = (overrides: Partial<ForecastResource>) => [...PEOPLE, resource('zed', overrides)];

const cases: Case[] = [
  {
    name: 'an assignee with 0 hours a week',
    resources: zed({ weeklyCapacityHours: 0 }),
    projects: [project('p', [task('a'), task('b', { assigneeId: 'zed' })])],
    expected: { reason: 'no_capacity', projectId: 'p', taskId: 'p/b', resourceId: 'zed' },
  },
  {
    name: 'an assignee with no working days',
    resources: zed({ workingDays: [] }),
    projects: [project('p', [task('b', { assigneeId: 'zed' })])],
    expected: { reason: 'no_capacity', projectId: 'p', taskId: 'p/b', resourceId: 'zed' },
  },
  {
    name: 'an assignee away for more than three years',
    resources: zed({ timeOff: [{ from: '2026-01-01', to: '2030-12-31' }] }),
    projects: [project('p', [task('b', { assigneeId: 'zed' })])],
    expected: { reason: 'no_capacity', projectId: 'p', taskId: 'p/b', resourceId: 'zed' },
  },
  {
    name: 'a task with no hours left but working days to run, for someone who never works',
    resources: zed({ workingDays: [] }),
    projects: [project('p', [task('b', { assigneeId: 'zed', remainingHours: 0, durationDays: 2 })])],
    expected: { reason: 'no_capacity', projectId: 'p', taskId: 'p/b', resourceId: 'zed' },
  },
  {
    name: 'unassigned work when unassignedHoursPerDay is 0',
    resources: PEOPLE,
    unassignedHoursPerDay: 0,
    projects: [project('p', [task('u', { assigneeId: null })])],
    expected: { reason: 'no_capacity', projectId: 'p', taskId: 'p/u', resourceId: null },
  },
  {
    name: 'an assignee who is not among the resources',
    resources: PEOPLE,
    projects: [project('p', [task('a', { assigneeId: 'gone' })])],
    expected: { reason: 'unknown_resource', projectId: 'p', taskId: 'p/a', resourceId: 'gone' },
  },
  {
    name: 'a dependency cycle',
    resources: PEOPLE,
    projects: [project('p', [task('a', { dependsOn: ['b'] }), task('b', { dependsOn: ['a'] })])],
    expected: { reason: 'dependency_cycle', projectId: 'p', taskId: 'p/a', resourceId: null },
  },
  {
    name: 'a date that does not exist',
    resources: PEOPLE,
    projects: [project('p', [task('a', { state: 'in_progress', startedOn: '2026-02-30' })])],
    expected: { reason: 'invalid_date', projectId: 'p', taskId: 'p/a', resourceId: null },
  },
];

describe('ForecastError', () => {
  it.each([
    ['a holiday', { holidays: ['2026-02-30'] }, null],
    ['a time off', { resources: zed({ timeOff: [{ from: '2026-03-01', to: '03/05/2026' }] }) }, 'zed'],
  ])('refuses %s that is not a date, naming the person', (_, overrides, resourceId) => {
    const run = () =>
      forecastWorkspace({
        today: TODAY,
        resources: PEOPLE,
        holidays: [],
        projects: [],
        unassignedHoursPerDay: 6,
        ...overrides,
      });
    expect(run).toThrow(ForecastError);
    expect(run).toThrow(/not a YYYY-MM-DD date/);
    try {
      run();
    } catch (e) {
      expect({ reason: (e as ForecastError).reason, resourceId: (e as ForecastError).resourceId }).toEqual({
        reason: 'invalid_date',
        resourceId,
      });
    }
  });

  it.each(cases)('refuses $name, naming the task and the person', (c) => {
    let thrown: unknown;
    try {
      forecastWorkspace({
        today: TODAY,
        resources: c.resources,
        projects: c.projects,
        holidays: [],
        unassignedHoursPerDay: c.unassignedHoursPerDay ?? 6,
      });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ForecastError);
    const e = thrown as ForecastError;
    expect({ reason: e.reason, projectId: e.projectId, taskId: e.taskId, resourceId: e.resourceId }).toEqual(
      c.expected,
    );
    expect(e.message).toContain(c.projects[0]!.tasks.find((t) => t.id === c.expected.taskId)?.key ?? '');
  });

  it('does not refuse a person without capacity when nothing is assigned to them', () => {
    const r = forecastWorkspace({
      today: TODAY,
      resources: zed({ weeklyCapacityHours: 0 }),
      projects: [project('p', [task('a')])],
      holidays: [],
      unassignedHoursPerDay: 6,
    });
    expect(r.projects[0]!.finish).toBe('2026-03-02');
  });
});
