/**
 * The forecast's inputs and outputs: pure data, ISO dates (`YYYY-MM-DD`). The engine (forecast.ts) schedules
 * every active project of a workspace at once, so that a person shared by several projects is never counted
 * twice; the capacity plan (capacity-plan.ts) reads the same schedule.
 */

export type TaskState = 'todo' | 'in_progress' | 'blocked' | 'done';

export interface ForecastTask {
  id: string;
  /** Task keys are unique within a project; dependencies name keys. */
  key: string;
  dependsOn: string[];
  state: TaskState;
  /** Hours still to do (0 when done). */
  remainingHours: number;
  /** The fewest working days the task takes. */
  durationDays: number;
  assigneeId: string | null;
  ownerRole: string;
  customerOwned: boolean;
  /** For done tasks. */
  doneOn: string | null;
  startedOn: string | null;
}

export interface ForecastProject {
  id: string;
  /** Nothing is scheduled before it; a queued project uses its planned kickoff, or today. */
  startOn: string;
  /** Earlier kickoffs are served first when people are shared. */
  priority: number;
  tasks: ForecastTask[];
  /**
   * Keys of the tasks whose last finish is the go-live (the go-live milestone's tasks): the critical path is the
   * chain that decides their finish, so work planned after go-live (hypercare, a check-in) is never critical.
   * Absent: the last task's finish decides. Empty: the go-live is already reached and no open task is critical.
   */
  goLiveTasks?: readonly string[];
}

export interface ForecastResource {
  id: string;
  role: string;
  weeklyCapacityHours: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday). */
  workingDays: number[];
  /** Inclusive ranges. */
  timeOff: Array<{ from: string; to: string }>;
}

export interface ForecastInput {
  today: string;
  projects: ForecastProject[];
  resources: ForecastResource[];
  /** Workspace holidays: nobody works. */
  holidays: string[];
  /** Hours per working day assumed for an unassigned task (a role's typical day). */
  unassignedHoursPerDay: number;
  /** Also return `load` (per person per day). Off by default: the capacity plan needs only weekly sums. */
  dailyLoad?: boolean;
}

export interface TaskForecast {
  id: string;
  /** First day of work: `startedOn` for a task under way, the done task's `startedOn` (or `doneOn`). */
  start: string;
  /** Last day of work (a dependent starts the next working day); `doneOn` for a done task. */
  finish: string;
  /** On the chain that sets the go-live (`goLiveTasks`' finish, else the project's finish; critical-path.ts); never for done tasks. */
  critical: boolean;
}

export interface ProjectForecast {
  id: string;
  /** Last task's finish (or the last done date when every task is done; its start, or today if later, without tasks). */
  finish: string;
  tasks: TaskForecast[];
}

/**
 * The schedule, in the input's project order, and the hours it plans. All hours are future work (today on):
 * done tasks, customer tasks and work already behind us plan none.
 */
export interface ForecastResult {
  projects: ProjectForecast[];
  /**
   * Planned hours per role (the task's `ownerRole`) per ISO week (its Monday, `YYYY-MM-DD`): the project
   * demand of the capacity plan. Assigned and unassigned tasks both count; customer tasks do not.
   */
  demandByRoleWeek: Map<string, Map<string, number>>;
  /** Hours booked per person per ISO week (Monday): resourceId → week → hours. People with none are absent. */
  loadByResourceWeek: Map<string, Map<string, number>>;
  /**
   * Hours booked per person per day (resourceId → date → hours, days with none absent); only when
   * `dailyLoad` was asked for. It replaces the former always-present `load`: the capacity plan needs only
   * weekly sums, and a map entry per person per day adds hundreds of thousands of entries at workspace scale.
   */
  load?: Map<string, Map<string, number>>;
}
