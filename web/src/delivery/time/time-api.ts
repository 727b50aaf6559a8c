import type { ProjectEconomics } from '../../../../src/modules/delivery/time/economics.ts';
import type { TimeEntry, TimeTarget } from '../../../../src/modules/delivery/time/time-entry.ts';

export type { ProjectEconomics, TimeEntry, TimeTarget };

const DAY = 86_400_000;

/** Days as the server counts them: ISO dates in UTC. */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The Monday of the week holding `day`. */
export const mondayOf = (day: string): string => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

export const weekDays = (monday: string): string[] => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

/** One grid row: a project, and a task of it or none. */
export const rowKey = (projectId: string, taskId: string | null) => `${projectId}|${taskId ?? ''}`;
export const cellKey = (row: string, day: string) => `${row}@${day}`;
