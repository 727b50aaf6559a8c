import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../auth/principal.ts';
import { capabilitiesOf, type Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { newId, nowIso } from '../ids.ts';
import type { Job, JobDefinition, JobStatus } from './job.ts';
import * as store from './job.store.ts';

export const toJob = (r: store.JobRow): Job => ({
  id: r.id,
  workspaceId: r.workspace_id,
  type: r.type,
  version: r.version,
  payload: JSON.parse(r.payload),
  status: r.status as JobStatus,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  runAt: r.run_at,
  lockedBy: r.locked_by,
  lastError: r.last_error,
  progress: r.progress === null ? null : JSON.parse(r.progress),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

/** The jobs this process knows, by type. */
export type JobRegistry = ReadonlyMap<string, JobDefinition>;

export const registryOf = (defs: JobDefinition[]): JobRegistry => new Map(defs.map((d) => [d.type, d]));

/**
 * Queues a job after checking its payload against the job's schema. With an `id`, queuing is
 * idempotent: a job with that id already present is not queued again (returns false).
 */
export async function enqueueJob(
  db: Db,
  registry: JobRegistry,
  input: { type: string; payload: unknown; workspaceId?: string | null; runAt?: Date; id?: string },
): Promise<{ id: string; queued: boolean }> {
  const def = registry.get(input.type);
  if (!def) throw AppError.validation('type', `no job type ${input.type}`);
  const parsed = def.input.safeParse(input.payload);
  if (!parsed.success) {
    throw new AppError(
      'validation',
      `payload of ${input.type}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    );
  }
  const now = nowIso();
  const id = input.id ?? newId();
  const queued = await store.insertJob(db, {
    id,
    workspace_id: input.workspaceId ?? null,
    type: def.type,
    version: def.version,
    payload: JSON.stringify(parsed.data ?? null),
    status: 'queued',
    max_attempts: def.maxAttempts,
    run_at: (input.runAt ?? new Date()).toISOString(),
    locked_by: null,
    locked_until: null,
    last_error: null,
    progress: null,
    created_at: now,
    updated_at: now,
    finished_at: null,
  });
  return { id, queued };
}

/**
 * Queues a job, or folds its payload into a job of the same type and workspace still waiting to run (queued and
 * due by `runAt`): `merge(waiting, payload)` gives the payload that does the work of both. So work caused by many
 * small changes in a row is done once per waiting job, not once per change. The waiting row is held by the
 * caller's transaction until it commits, so no worker starts it with half the work in it.
 */
export async function enqueueOrMergeJob(
  db: Db,
  registry: JobRegistry,
  input: { type: string; payload: unknown; workspaceId: string | null; runAt: Date },
  merge: (waiting: unknown, payload: unknown) => unknown,
): Promise<{ id: string; queued: boolean }> {
  const def = registry.get(input.type);
  if (!def) throw AppError.validation('type', `no job type ${input.type}`);
  const waiting = await store.findWaitingJob(db, capabilitiesOf(db), {
    type: def.type,
    workspaceId: input.workspaceId,
    dueBy: input.runAt.toISOString(),
  });
  if (waiting) {
    const merged = def.input.parse(merge(JSON.parse(waiting.payload), input.payload));
    if (await store.updateWaitingPayload(db, waiting.id, JSON.stringify(merged ?? null), nowIso()))
      return { id: waiting.id, queued: false };
  }
  return enqueueJob(db, registry, input);
}

/** A workspace's jobs, with platform-wide ones (they hold no tenant data) so admins see every failure. */
export async function listJobs(
  db: Db,
  workspaceId: string,
  filter: { status?: JobStatus; limit: number },
): Promise<Job[]> {
  const rows = await store.selectJobs(db, {
    workspaceId,
    includePlatform: true,
    status: filter.status,
    limit: filter.limit,
  });
  return rows.map(toJob);
}

export async function getJob(db: Db, workspaceId: string | null, id: string): Promise<Job> {
  const row = await store.findJob(db, id);
  if (!row || (row.workspace_id !== null && row.workspace_id !== workspaceId)) throw AppError.notFound('job');
  return toJob(row);
}

/** Puts a dead job back in the queue for a fresh set of attempts. */
export async function retryDeadJob(db: Db, actor: Actor, workspaceId: string, id: string): Promise<Job> {
  const before = await getJob(db, workspaceId, id);
  if (before.status !== 'dead')
    throw new AppError('conflict', `job is ${before.status}; only dead jobs can be retried`);
  await store.requeueJob(db, id, nowIso());
  const after = await getJob(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'job.retry',
    entityType: 'job',
    entityId: id,
    before: { status: before.status, lastError: before.lastError },
    after: { status: after.status },
  });
  return after;
}

export const countJobsByStatus = store.countByStatus;
