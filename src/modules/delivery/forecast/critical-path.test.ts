import { describe, expect, it } from 'vitest';
import { forecastProjectAlone } from './forecast.ts';
import { PEOPLE, project, task, TODAY } from './forecast.fixtures.ts';
import type { ForecastTask } from './forecast.types.ts';

/**
 * The critical path is the chain that decides the go-live: the go-live milestone's tasks when the plan names
 * them (`goLiveTasks`), the last task otherwise. Hypercare and check-ins planned after go-live are never on it.
 */
interface Case {
  name: string;
  tasks: ForecastTask[];
  goLiveTasks?: string[];
  /** Exactly these task keys are critical. */
  critical: string[];
  /** The project's finish (its last task), to show work after go-live is planned but not critical. */
  finish: string;
}

const bob = { assigneeId: 'bob', ownerRole: 'solution_architect' };

const chain = [
  task('setup'),
  task('cutover', { dependsOn: ['setup'] }),
  task('hypercare', { dependsOn: ['cutover'], remainingHours: 40 }),
];

const cases: Case[] = [
  {
    name: 'no go-live tasks named: the chain to the last task, hypercare included',
    tasks: chain,
    critical: ['setup', 'cutover', 'hypercare'],
    finish: '2026-03-10',
  },
  {
    name: 'the go-live milestone named: the chain to cutover; hypercare after go-live is not critical',
    tasks: chain,
    goLiveTasks: ['setup', 'cutover'],
    critical: ['setup', 'cutover'],
    finish: '2026-03-10',
  },
  {
    name: 'two go-live tasks: only the later one and what held it back are critical',
    tasks: [
      task('setup'),
      task('train', { dependsOn: ['setup'], ...bob }),
      task('configure', { dependsOn: ['setup'] }),
      task('hypercare', { dependsOn: ['train', 'configure'], remainingHours: 40, ...bob }),
    ],
    goLiveTasks: ['train', 'configure'],
    critical: ['setup', 'train'],
    finish: '2026-03-18',
  },
  {
    name: 'work after go-live that depends on nothing and ends last is not critical either',
    tasks: [task('setup'), task('cutover', { dependsOn: ['setup'] }), task('report', { remainingHours: 40, ...bob })],
    goLiveTasks: ['cutover'],
    critical: ['setup', 'cutover'],
    finish: '2026-03-13',
  },
  {
    name: 'go-live reached (no open go-live task): nothing is critical',
    tasks: chain,
    goLiveTasks: [],
    critical: [],
    finish: '2026-03-10',
  },
  {
    name: 'go-live tasks all done: nothing open decides the go-live',
    tasks: [
      task('setup', { state: 'done', doneOn: '2026-02-27', remainingHours: 0 }),
      task('hypercare', { dependsOn: ['setup'], remainingHours: 40 }),
    ],
    goLiveTasks: ['setup'],
    critical: [],
    finish: '2026-03-06',
  },
];

describe('critical path to the go-live', () => {
  it.each(cases)('$name', (c) => {
    const forecast = forecastProjectAlone(
      project('p', c.tasks, c.goLiveTasks === undefined ? {} : { goLiveTasks: c.goLiveTasks }),
      {
        today: TODAY,
        resources: PEOPLE,
        holidays: [],
        unassignedHoursPerDay: 6,
      },
    );
    expect(
      forecast.tasks
        .filter((t) => t.critical)
        .map((t) => t.id.slice(2))
        .sort(),
    ).toEqual([...c.critical].sort());
    expect(forecast.finish).toBe(c.finish);
  });
});
