import { AppError } from '../../../platform/errors/app-error.ts';

/** A time entry as the API shows it. */
export interface TimeEntry {
  id: string;
  projectId: string;
  taskId: string | null;
  resourceId: string;
  date: string;
  hours: number;
  billable: boolean;
  rework: boolean;
  note: string | null;
  source: 'web' | 'api' | 'import';
  externalId: string | null;
  createdBy: string;
  createdAt: string;
}

export const MAX_HOURS_PER_DAY = 24;

/** Project statuses that take no more time. */
export const CLOSED_PROJECT_STATUSES = ['closed', 'cancelled'] as const;

/** The facts an entry is checked against, read beforehand by the service. */
export interface EntryContext {
  /** Hours the person already has on that day, not counting this entry. */
  otherHoursThatDay: number;
  /** `startsOn`: the earliest day work on it can have happened (`earliestWorkDay`), and why. */
  project: { status: string; partnerId: string | null; startsOn?: { on: string; why: string } };
  task: { projectId: string } | null;
  person: { active: boolean; partnerId: string | null; name: string };
  /** Set for partner users: they log time only for their firm's people on their firm's projects. */
  partnerId: string | null;
  today: string;
}

export interface EntryFacts {
  projectId: string;
  taskId: string | null;
  date: string;
  hours: number;
}

const conflict = (field: string, message: string) =>
  new AppError('conflict', `${field}: ${message}`, { fieldErrors: [{ field, message }] });

/** The day after `day`: people east of UTC log their today while it is still yesterday in UTC. */
export const latestLoggableDay = (today: string): string =>
  new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The rules every entry keeps, whichever way it arrives (form, API, import). Throws the first broken rule
 * naming its field: 400 for a bad value, 409 for a conflict with the state of the project, person or day.
 */
export function checkEntry(e: EntryFacts, c: EntryContext, prefix = 'body'): void {
  const f = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (!(e.hours > 0)) throw AppError.validation(f('hours'), 'must be more than 0');
  if (e.hours > MAX_HOURS_PER_DAY) throw AppError.validation(f('hours'), `must be at most ${MAX_HOURS_PER_DAY}`);
  if (e.date > latestLoggableDay(c.today))
    throw AppError.validation(f('date'), `is in the future (today is ${c.today}): log time once it is spent`);
  // Time before kickoff is preparation (reading the brief, the internal handoff) and counts; time before the deal is not.
  if (c.project.startsOn && e.date < c.project.startsOn.on)
    throw AppError.validation(f('date'), `is before work on this project can have begun: ${c.project.startsOn.why}`);
  if (c.partnerId && c.person.partnerId !== c.partnerId)
    throw AppError.validation(f('resourceId'), "partner users log time only for their own firm's people");
  if (c.partnerId && c.project.partnerId !== c.partnerId)
    throw AppError.validation(f('projectId'), "partner users log time only on their own firm's projects");
  if ((CLOSED_PROJECT_STATUSES as readonly string[]).includes(c.project.status))
    throw conflict(f('projectId'), `the project is ${c.project.status}: it takes no more time`);
  if (e.taskId && (!c.task || c.task.projectId !== e.projectId))
    throw AppError.validation(f('taskId'), 'is not a task of this project');
  if (!c.person.active) throw conflict(f('resourceId'), `${c.person.name} is inactive: reactivate them to log time`);
  const total = c.otherHoursThatDay + e.hours;
  if (total > MAX_HOURS_PER_DAY) {
    throw conflict(
      f('hours'),
      `${c.person.name} would have ${round(total)} h on ${e.date} (already ${round(c.otherHoursThatDay)} h): at most ${MAX_HOURS_PER_DAY} h a day`,
    );
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A project time can be logged on, with its tasks. */
export interface TimeTarget {
  id: string;
  name: string;
  status: string;
  /** Closed and cancelled projects take no more time; they are listed so past entries can be named. */
  open: boolean;
  tasks: Array<{ id: string; key: string; name: string }>;
}

/** The projects (and their tasks) in view that time can be logged on, for timesheets. */
