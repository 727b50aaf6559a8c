import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildJob, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import {
  claimDueJobs,
  countByStatus,
  deleteFinishedBefore,
  findJob,
  finishJob,
  insertJob,
  requeueJob,
  selectJobs,
  updateProgress,
} from './job.store.ts';

// The queue is one table for the whole instance: each test gets a database of its own, so no test claims,
// counts or prunes another's jobs.
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

const NOW = '2026-11-20T10:00:00.000Z';
const LEASE = '2026-11-20T10:05:00.000Z';
const claim = (workerId: string, limit = 10, now = NOW) =>
  claimDueJobs(t.db, t.caps, { workerId, now, lockedUntil: LEASE, limit });

describe('job store (both databases)', () => {
  it('queues a scheduled slot once: a second insert of the same id is left alone', async () => {
    const job = await buildJob(t.db, { id: 'usage.events.purge@2026-11-20T00' });
    const { attempts: _attempts, ...row } = job;
    expect(await insertJob(t.db, { ...row, payload: '{"again":true}' })).toBe(false);
    expect(await findJob(t.db, job.id)).toEqual(job);
  });

  it('claims due jobs oldest first up to the limit, and expired leases, never a job not yet due or held', async () => {
    const later = await buildJob(t.db, { run_at: '2026-11-20T09:59:00.000Z' });
    const earliest = await buildJob(t.db, { run_at: '2026-11-20T09:00:00.000Z' });
    const notDue = await buildJob(t.db, { run_at: '2026-11-20T10:00:01.000Z' });
    const abandoned = await buildJob(t.db, {
      status: 'running',
      locked_by: 'dead-worker',
      locked_until: '2026-11-20T09:59:59.000Z',
      run_at: '2026-11-20T09:30:00.000Z',
      attempts: 1,
    });
    const held = await buildJob(t.db, { status: 'running', locked_by: 'w0', locked_until: LEASE, attempts: 1 });
    await buildJob(t.db, { status: 'dead', run_at: '2026-11-01T00:00:00.000Z' });

    const first = await claim('w1', 2);
    expect(first.map((j) => j.id)).toEqual([earliest.id, abandoned.id]);
    expect(first[1]).toMatchObject({
      status: 'running',
      locked_by: 'w1',
      locked_until: LEASE,
      attempts: 2,
      updated_at: NOW,
    });
    expect((await claim('w2')).map((j) => j.id)).toEqual([later.id]);
    expect(await claim('w3'), 'nothing else is due').toEqual([]);
    expect(await findJob(t.db, notDue.id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await findJob(t.db, held.id)).toMatchObject({ locked_by: 'w0' });
  });

  it('lets two workers claiming at once share the queue without taking a job twice', async () => {
    for (let i = 0; i < 20; i++) await buildJob(t.db);
    const [a, b] = await Promise.all([claim('w1', 15), claim('w2', 15)]);
    const ids = [...a, ...b].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(20);
    expect(await countByStatus(t.db)).toEqual({ running: 20 });
  });

  it('finishes or updates a job only for the worker that holds it', async () => {
    const job = await buildJob(t.db);
    await claim('w1');
    expect(await finishJob(t.db, job.id, 'w2', { status: 'succeeded' })).toBe(false);
    await updateProgress(t.db, job.id, 'w2', '{"done":9}', LEASE, NOW);
    expect((await findJob(t.db, job.id))?.progress).toBeNull();
    await updateProgress(t.db, job.id, 'w1', '{"done":1}', '2026-11-20T10:10:00.000Z', NOW);
    expect(await findJob(t.db, job.id)).toMatchObject({
      progress: '{"done":1}',
      locked_until: '2026-11-20T10:10:00.000Z',
    });
    const at = '2026-11-20T10:01:00.000Z';
    expect(await finishJob(t.db, job.id, 'w1', { status: 'succeeded', finished_at: at })).toBe(true);
    expect(await finishJob(t.db, job.id, 'w1', { status: 'dead' }), 'a finished job is no longer held').toBe(false);
  });

  it('requeues only a dead job, with its attempts reset', async () => {
    const dead = await buildJob(t.db, { status: 'dead', attempts: 3, last_error: 'boom', finished_at: NOW });
    const queued = await buildJob(t.db);
    const at = '2026-11-21T00:00:00.000Z';
    expect(Number((await requeueJob(t.db, dead.id, at)).numUpdatedRows)).toBe(1);
    expect(Number((await requeueJob(t.db, queued.id, at)).numUpdatedRows)).toBe(0);
    expect(await findJob(t.db, dead.id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      run_at: at,
      finished_at: null,
      last_error: 'boom',
    });
  });

  it("lists a workspace's jobs (with the instance's own when asked) newest first, by status", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const own = await buildJob(t.db, { workspace_id: ws, created_at: '2026-11-20T09:00:00.000Z' });
    const ownDead = await buildJob(t.db, { workspace_id: ws, status: 'dead', created_at: '2026-11-20T11:00:00.000Z' });
    const platform = await buildJob(t.db, { created_at: '2026-11-20T10:00:00.000Z' });
    await buildJob(t.db, { workspace_id: other });
    const list = (f: Partial<Parameters<typeof selectJobs>[1]>) =>
      selectJobs(t.db, { workspaceId: ws, includePlatform: false, limit: 10, ...f }).then((r) => r.map((j) => j.id));

    expect(await list({})).toEqual([ownDead.id, own.id]);
    expect(await list({ includePlatform: true })).toEqual([ownDead.id, platform.id, own.id]);
    expect(await list({ status: 'dead' })).toEqual([ownDead.id]);
    expect(await list({ workspaceId: null })).toEqual([platform.id]);
    expect(await list({ includePlatform: true, limit: 1 })).toEqual([ownDead.id]);
  });

  it('prunes succeeded jobs finished before a cutoff only', async () => {
    const old = await buildJob(t.db, { status: 'succeeded', finished_at: '2026-11-01T00:00:00.000Z' });
    const recent = await buildJob(t.db, { status: 'succeeded', finished_at: '2026-11-19T00:00:00.000Z' });
    const oldDead = await buildJob(t.db, { status: 'dead', finished_at: '2026-11-01T00:00:00.000Z' });
    expect(await deleteFinishedBefore(t.db, '2026-11-10T00:00:00.000Z')).toBe(1);
    expect(await findJob(t.db, old.id)).toBeUndefined();
    expect(await findJob(t.db, recent.id)).toBeDefined();
    expect(await findJob(t.db, oldDead.id)).toBeDefined();
    expect(await countByStatus(t.db)).toEqual({ succeeded: 1, dead: 1 });
  });
});
