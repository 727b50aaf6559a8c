import type { ForecastProject, ForecastResource, ForecastTask } from './forecast.types.ts';

/**
 * Builders for forecast tests. TODAY is a Monday; March 2026 reads:
 *   Mon 2  Tue 3  Wed 4  Thu 5  Fri 6 | Mon 9  Tue 10  Wed 11  Thu 12  Fri 13 | Mon 16 …
 */
export const TODAY = '2026-03-02';

/** A task of 8 hours, one working day, assigned to ann (consultant). */
export function task(key: string, overrides: Partial<ForecastTask> = {}): ForecastTask {
  return {
    id: key,
    key,
    dependsOn: [],
    state: 'todo',
    remainingHours: 8,
    durationDays: 1,
    assigneeId: 'ann',
    ownerRole: 'consultant',
    customerOwned: false,
    doneOn: null,
    startedOn: null,
    ...overrides,
  };
}

/** A project starting today; task ids become `projectId/key` so expectations can name them. */
export function project(
  id: string,
  tasks: ForecastTask[],
  overrides: Partial<Omit<ForecastProject, 'tasks'>> = {},
): ForecastProject {
  return { id, startOn: TODAY, priority: 1, ...overrides, tasks: tasks.map((t) => ({ ...t, id: `${id}/${t.key}` })) };
}

export function resource(id: string, overrides: Partial<ForecastResource> = {}): ForecastResource {
  return { id, role: 'consultant', weeklyCapacityHours: 40, workingDays: [1, 2, 3, 4, 5], timeOff: [], ...overrides };
}

/** ann: consultant, 40 h Mon–Fri (8 h/day); bob: architect, 20 h Mon–Fri (4 h/day). */
export const PEOPLE: ForecastResource[] = [
  resource('ann'),
  resource('bob', { role: 'solution_architect', weeklyCapacityHours: 20 }),
];
