/**
 * Why a workspace cannot be forecast. The engine refuses rather than loops or guesses; the projects service
 * turns this into a 4xx that names the task and the person, so someone can fix the assignment or the data.
 */
export type ForecastErrorReason =
  /** The assignee has no working hour within the horizon (0 hours a week, no working days, a long absence). */
  | 'no_capacity'
  /** The task is assigned to someone not among the forecast's resources (removed or inactive). */
  | 'unknown_resource'
  /** The project's tasks depend on each other in a circle. */
  | 'dependency_cycle'
  /** A date that is not `YYYY-MM-DD`. */
  | 'invalid_date';

export class ForecastError extends Error {
  readonly reason: ForecastErrorReason;
  readonly projectId: string | null;
  /** The task that cannot be scheduled (null when the problem is the project's own date). */
  readonly taskId: string | null;
  /** The person whose calendar is the problem, when there is one. */
  readonly resourceId: string | null;

  constructor(
    reason: ForecastErrorReason,
    message: string,
    ids: { projectId?: string | null; taskId?: string | null; resourceId?: string | null } = {},
  ) {
    super(message);
    this.name = 'ForecastError';
    this.reason = reason;
    this.projectId = ids.projectId ?? null;
    this.taskId = ids.taskId ?? null;
    this.resourceId = ids.resourceId ?? null;
  }
}
