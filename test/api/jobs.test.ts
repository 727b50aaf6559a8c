import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase } from '../../src/platform/db/database.ts';
import { defineJob } from '../../src/platform/jobs/job.ts';
import { enqueueJob, registryOf } from '../../src/platform/jobs/job.service.ts';
import { JobRunner } from '../../src/platform/jobs/runner.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

const runs = new Map<string, number>();
let failuresLeft = 0;

const workDefs = [
  defineJob({
    type: 'test.count',
    version: 1,
    description: 'counts its runs',
    input: z.object({ n: z.number() }),
    maxAttempts: 3,
    load: async () => async (ctx) => {
      runs.set(ctx.job.id, (runs.get(ctx.job.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 1));
    },
  }),
  defineJob({
    type: 'test.flaky',
    version: 1,
    description: 'fails a few times',
    input: z.object({}),
    maxAttempts: 2,
    load: async () => async () => {
      if (failuresLeft-- > 0) throw new Error('upstream timed out');
    },
  }),
];
const hourly = defineJob({
  type: 'test.hourly',
  version: 1,
  description: 'scheduled',
  input: z.object({}),
  maxAttempts: 1,
  everyMs: 3_600_000,
  load: async () => async () => {},
});
const registry = registryOf(workDefs);
const withSchedule = registryOf([...workDefs, hourly]);

const logger = createLogger('silent');
let dir: string;
let testDb: TestDatabase;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-jobs-'));
  testDb = await createTestDatabase({ sqliteFile: path.join(dir, 'jobs.db') });
});
afterAll(async () => {
  await testDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const runner = (
  db: TestDatabase['db'],
  caps: TestDatabase['caps'],
  workerId: string,
  now?: () => Date,
  reg = registry,
) => new JobRunner({ db, caps, registry: reg, logger, workerId, pollMs: 10, batchSize: 7, now });

describe('job queue', () => {
  it('runs each job exactly once with two instances claiming from one database', async () => {
    const second = await openDatabase(testDb.url, { poolSize: 5 });
    const ids: string[] = [];
    for (let n = 0; n < 120; n++)
      ids.push((await enqueueJob(testDb.db, registry, { type: 'test.count', payload: { n } })).id);
    const a = runner(testDb.db, testDb.caps, 'instance-a');
    const b = runner(second.db, second.caps, 'instance-b');
    let ranA = 0;
    let ranB = 0;
    let largestClaim = 0;
    for (;;) {
      const [x, y] = await Promise.all([a.tick(), b.tick()]);
      ranA += x;
      ranB += y;
      largestClaim = Math.max(largestClaim, x, y);
      if (x === 0 && y === 0) break;
    }
    await second.close();
    expect(ranA + ranB).toBe(120);
    // A worker claims one batch at a time, never the whole queue.
    expect(largestClaim).toBe(7);
    expect(ranA).toBeGreaterThan(0);
    expect(ranB).toBeGreaterThan(0);
    expect([...runs.values()].every((v) => v === 1)).toBe(true);
    // Each of the 120 ran (the runs of other tests' jobs are counted beside them).
    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
  });

  it('queues a scheduled slot once however many instances tick', async () => {
    const now = () => new Date('2026-11-22T10:30:00Z');
    const second = await openDatabase(testDb.url);
    await Promise.all([
      runner(testDb.db, testDb.caps, 'a', now, withSchedule).tick(),
      runner(second.db, second.caps, 'b', now, withSchedule).tick(),
      runner(testDb.db, testDb.caps, 'c', now, withSchedule).tick(),
    ]);
    await second.close();
    const slots = await testDb.db.selectFrom('jobs').selectAll().where('type', '=', 'test.hourly').execute();
    expect(slots.map((s) => s.id)).toEqual(['test.hourly@2026-11-22T10:00:00.000Z']);
    expect(slots[0]?.status).toBe('succeeded');
  });

  it('retries with backoff, then dead-letters, and rejects an invalid payload before queuing', async () => {
    failuresLeft = 5;
    const { id } = await enqueueJob(testDb.db, registry, { type: 'test.flaky', payload: {} });
    let clock = new Date('2030-01-01T00:00:00Z');
    const r = runner(testDb.db, testDb.caps, 'a', () => clock);
    await r.tick();
    let job = await testDb.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(job.status).toBe('queued');
    expect(job.last_error).toContain('upstream timed out');
    expect(job.run_at).toBe('2030-01-01T00:00:10.000Z');
    clock = new Date('2030-01-01T00:00:11Z');
    await r.tick();
    job = await testDb.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(job.status).toBe('dead');
    expect(job.attempts).toBe(2);
    await expect(enqueueJob(testDb.db, registry, { type: 'test.count', payload: { n: 'x' } })).rejects.toThrow(
      /payload of test.count/,
    );
  });

  it('takes over a job whose worker died once its lease runs out', async () => {
    const { id } = await enqueueJob(testDb.db, registry, { type: 'test.count', payload: { n: 999 } });
    await testDb.db
      .updateTable('jobs')
      .set({ status: 'running', locked_by: 'dead-worker', locked_until: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', id)
      .execute();
    await runner(testDb.db, testDb.caps, 'survivor').tick();
    expect(runs.get(id)).toBe(1);
  });
});

describe('dead-letter list for admins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('lists dead jobs and queues one again on retry', async () => {
    const ws = await t.workspace('acme');
    const admin = await t.login((await t.user(ws, 'admin')).email);
    const { id } = await enqueueJob(t.ctx.db, t.ctx.jobs, {
      type: 'platform.jobs.prune',
      payload: {},
      workspaceId: ws,
    });
    await t.ctx.db
      .updateTable('jobs')
      .set({ status: 'dead', attempts: 3, last_error: 'boom' })
      .where('id', '=', id)
      .execute();
    const dead = (await admin.request({ method: 'GET', url: '/api/v1/jobs?status=dead' })).json();
    expect(dead.items.map((j: { id: string }) => j.id)).toEqual([id]);
    const retried = await admin.request({ method: 'POST', url: `/api/v1/jobs/${id}/retry` });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await admin.request({ method: 'POST', url: `/api/v1/jobs/${id}/retry` })).statusCode).toBe(409);
    const r = new JobRunner({
      db: t.ctx.db,
      caps: t.ctx.caps,
      registry: t.ctx.jobs,
      logger,
      workerId: 'w',
      pollMs: 10,
    });
    await r.tick();
    const after = (await admin.request({ method: 'GET', url: '/api/v1/jobs?limit=50' }))
      .json()
      .items.find((j: { id: string }) => j.id === id);
    expect(after.status).toBe('succeeded');
  });
});
