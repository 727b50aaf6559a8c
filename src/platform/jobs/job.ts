import type { z } from 'zod';
import type { Config } from '../config/config.ts';
import type { DialectCapabilities } from '../db/capabilities.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import type { SecretBox } from '../secrets/secret-box.ts';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'dead'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  id: string;
  workspaceId: string | null;
  type: string;
  version: number;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedBy: string | null;
  lastError: string | null;
  progress: unknown;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** What a running job can use. */
export interface JobContext {
  db: Db;
  caps: DialectCapabilities;
  logger: Logger;
  job: Job;
  /** The runner's clock: what "now" and "today" mean for this run (tests pass their own). */
  now(): Date;
  /** The instance's configuration and secret key, where the runner was given them (a serving instance is). */
  config?: Config;
  secrets?: SecretBox;
  /** Records progress (shown to admins) and extends the job's lease. */
  reportProgress(progress: unknown): Promise<void>;
}

export type JobHandler<T> = (ctx: JobContext, payload: T) => Promise<void>;

/** A job declared once, in the registry list: its id, version, input schema and lazily loaded handler. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  type: string;
  version: number;
  description: string;
  input: S;
  maxAttempts: number;
  /** Scheduled jobs run once per slot of this length; the slot start is in the job id. */
  everyMs?: number;
  load: () => Promise<JobHandler<z.infer<S>>>;
}

export const defineJob = <S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> => def;

/** Seconds to wait before attempt `attempt + 1`: 10 s, 20 s, 40 s … capped at one hour. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 10 * 2 ** Math.max(0, attempt - 1));
}

/** The deterministic id of a scheduled slot: the same for every instance, so the slot is queued once. */
export function slotId(type: string, everyMs: number, now: Date): string {
  const start = Math.floor(now.getTime() / everyMs) * everyMs;
  return `${type}@${new Date(start).toISOString()}`;
}

export function afterFailure(
  attempts: number,
  maxAttempts: number,
  now: Date,
): { status: 'queued' | 'dead'; runAt: string } {
  if (attempts >= maxAttempts) return { status: 'dead', runAt: now.toISOString() };
  return { status: 'queued', runAt: new Date(now.getTime() + backoffSeconds(attempts) * 1000).toISOString() };
}
