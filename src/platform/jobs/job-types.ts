/**
 * Typed job ids: each module declares its jobs' types and inputs by merging into `JobInputs` (in its `*.job.ts` or
 * `module.ts`), so queuing a job names a declared type with the input that type takes, checked by the compiler.
 */
import type { Db } from '../db/database.ts';
import { composedJobs } from '../modules/composition.ts';
import { enqueueJob, enqueueOrMergeJob } from './job.service.ts';

/** Job type → its input, merged into by the platform and each module. */
export interface JobInputs {
  'platform.sessions.purge': Record<string, never>;
  'platform.idempotency.purge': Record<string, never>;
  'platform.jobs.prune': Record<string, never>;
}

export type JobType = keyof JobInputs;

/** Queues a declared job (the composed modules' registry); with an `id`, at most once for that id. */
export function queueJob<K extends JobType>(
  db: Db,
  type: K,
  payload: JobInputs[K],
  options: { workspaceId?: string | null; runAt?: Date; id?: string } = {},
): Promise<{ id: string; queued: boolean }> {
  return enqueueJob(db, composedJobs(), { type, payload, ...options });
}

/**
 * Queues a declared job, or folds its input into one of the same type and workspace still waiting (`merge` gives
 * the input doing both); see `enqueueOrMergeJob`.
 */
export function queueOrMergeJob<K extends JobType>(
  db: Db,
  type: K,
  payload: JobInputs[K],
  merge: (waiting: JobInputs[K], payload: JobInputs[K]) => JobInputs[K],
  options: { workspaceId: string | null; runAt: Date },
): Promise<{ id: string; queued: boolean }> {
  return enqueueOrMergeJob(db, composedJobs(), { type, payload, ...options }, (w, p) =>
    merge(w as JobInputs[K], p as JobInputs[K]),
  );
}
