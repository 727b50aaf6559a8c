import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runTsScript } from '../../../../test/helpers/cli.ts';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.ts';
import { openDatabase, type DatabaseHandle } from '../../../platform/db/database.ts';
import { migrateToLatest } from '../../../platform/db/migrate.ts';
import { createWorkspace } from '../../../platform/identity/workspace.service.ts';
import { newId } from '../../../platform/ids.ts';
import { IngestWriter } from './ingest-writer.service.ts';
import type { QueuedRequest } from './queued-request.ts';
import { pack } from './packed-messages.ts';
import type { UsageMessage } from './usage-event.ts';
import { IngestWriteThread } from './write-thread.service.ts';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

interface Served {
  dbh: DatabaseHandle;
  file: string;
  workspaceId: string;
  accountId: string;
}

/** A SQLite file opened as `baton serve` opens it, with one workspace and one account (domain northwind.example). */
async function served(): Promise<Served> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-write-thread-'));
  const file = path.join(dir, 'baton.db');
  const dbh = await openDatabase(`sqlite:${file}`, { sideThread: true });
  cleanup.push(async () => {
    await dbh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  await migrateToLatest(dbh);
  const workspaceId = (await createWorkspace(dbh.db, SYSTEM_ACTOR, { slug: 'acme' })).id;
  const accountId = newId();
  const now = new Date().toISOString();
  await dbh.db
    .insertInto('accounts')
    .values({
      id: accountId,
      workspace_id: workspaceId,
      name: 'Northwind',
      domain: 'northwind.example',
      segment: 'smb',
      lifecycle_phase: 'onboarding',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { dbh, file, workspaceId, accountId };
}

async function startThread(file: string, onStop?: (reason: string) => void): Promise<IngestWriteThread> {
  const thread = new IngestWriteThread(file, onStop);
  cleanup.push(() => thread.close());
  const since = Date.now();
  while (!thread.writing) {
    if (Date.now() - since > 20_000) throw new Error('the write thread did not start');
    await new Promise((r) => setTimeout(r, 20));
  }
  return thread;
}

const message = (id: string, user: string): UsageMessage => ({
  source: 'segment',
  messageId: id,
  type: 'track',
  event: 'Report Published',
  userId: user,
  anonymousId: null,
  groupId: 'northwind.example',
  occurredAt: '2026-11-20T10:00:00.000Z',
  properties: '{"pages":3}',
  email: null,
});

/** A request as the reading threads hand it over: its messages packed. */
const request = (workspaceId: string, ids: string[]): QueuedRequest => ({
  workspaceId,
  source: 'segment',
  actor: { type: 'api_key', id: 'key-1', label: 'ingest key' },
  messages: pack(ids.map((id, i) => message(id, `user-${i % 4}`))),
});

const count = async (dbh: DatabaseHandle, table: 'usage_events' | 'audit_log') =>
  Number(
    (
      await dbh.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the usage ingest write thread (served SQLite file)', () => {
  it('stores concurrent requests in groups on its own connection, each event once, with the outcome of each request', async () => {
    const s = await served();
    const thread = await startThread(s.file);
    const writer = new IngestWriter(s.dbh.db, { maxPending: 100, retryAfterSeconds: 1, writers: 1 }, thread);
    const audited = await count(s.dbh, 'audit_log');
    // 30 requests of 40 events; every third is a client's retry of the one before it.
    const ids = Array.from({ length: 30 }, (_, r) =>
      Array.from({ length: 40 }, (_, i) => `m-${r % 3 === 2 ? r - 1 : r}-${i}`),
    );
    const outcomes = await Promise.all(ids.map((batch) => writer.submit(request(s.workspaceId, batch))));
    expect(outcomes.reduce((n, o) => n + o.stored, 0)).toBe(20 * 40);
    expect(outcomes.reduce((n, o) => n + o.duplicates, 0)).toBe(10 * 40);
    expect(outcomes.every((o) => o.received === 40 && o.stored + o.duplicates === 40 && o.unmatched === 0)).toBe(true);
    expect(await count(s.dbh, 'usage_events')).toBe(800);
    const rollup = await s.dbh.db
      .selectFrom('usage_daily_account_feature')
      .selectAll()
      .where('workspace_id', '=', s.workspaceId)
      .execute();
    expect(rollup).toEqual([
      {
        workspace_id: s.workspaceId,
        account_id: s.accountId,
        day: '2026-11-20',
        feature: 'Report Published',
        events: 800,
      },
    ]);
    const totals = await s.dbh.db
      .selectFrom('usage_ingest_totals')
      .selectAll()
      .where('workspace_id', '=', s.workspaceId)
      .executeTakeFirstOrThrow();
    expect([totals.received, totals.stored, totals.duplicates]).toEqual([1200, 800, 400]);
    // Each user's mapping to the account is stated and audited once, by the thread.
    expect(await count(s.dbh, 'audit_log')).toBe(audited + 4);
  });

  it('lets request-thread transactions that read and then write run between its commits (they wait their turn, never fail)', async () => {
    const s = await served();
    const thread = await startThread(s.file);
    const writer = new IngestWriter(s.dbh.db, { maxPending: 1000, retryAfterSeconds: 1, writers: 1 }, thread);
    const ingest = Promise.all(
      Array.from({ length: 60 }, (_, r) =>
        writer.submit(
          request(
            s.workspaceId,
            Array.from({ length: 200 }, (_, i) => `w-${r}-${i}`),
          ),
        ),
      ),
    );
    // Read, yield while the thread commits, then write what was read: each must see the row as last written.
    for (let k = 0; k < 40; k++) {
      await s.dbh.db.transaction().execute(async (trx) => {
        const { name } = await trx
          .selectFrom('accounts')
          .select('name')
          .where('id', '=', s.accountId)
          .executeTakeFirstOrThrow();
        await new Promise((r) => setTimeout(r, 2));
        await trx
          .updateTable('accounts')
          .set({ name: `${name}+` })
          .where('id', '=', s.accountId)
          .execute();
      });
    }
    await ingest;
    expect(
      (await s.dbh.db.selectFrom('accounts').select('name').where('id', '=', s.accountId).executeTakeFirstOrThrow())
        .name,
    ).toBe(`Northwind${'+'.repeat(40)}`);
    expect(await count(s.dbh, 'usage_events')).toBe(60 * 200);
  });

  it("fails only the request whose write fails, with the database's error, and stores its group's others", async () => {
    const s = await served();
    const thread = await startThread(s.file);
    const writer = new IngestWriter(s.dbh.db, { maxPending: 100, retryAfterSeconds: 1, writers: 1 }, thread);
    const [good, bad] = await Promise.allSettled([
      writer.submit(request(s.workspaceId, ['ok-1', 'ok-2'])),
      writer.submit(request('no-such-workspace', ['x-1'])),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: expect.objectContaining({ stored: 2 }) });
    expect(bad.status).toBe('rejected');
    expect((bad as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(await count(s.dbh, 'usage_events')).toBe(2);
  });

  it('once closed takes no more groups: the writer stores them on the request thread, and nothing is reported as a failure', async () => {
    const s = await served();
    const stops: string[] = [];
    const thread = await startThread(s.file, (reason) => stops.push(reason));
    const writer = new IngestWriter(s.dbh.db, { maxPending: 100, retryAfterSeconds: 1, writers: 1 }, thread);
    expect((await writer.submit(request(s.workspaceId, ['a-1']))).stored).toBe(1);
    await thread.close();
    expect(thread.writing).toBe(false);
    expect(thread.write([request(s.workspaceId, ['a-2'])])).toBeUndefined();
    expect((await writer.submit(request(s.workspaceId, ['a-2', 'a-1']))).stored).toBe(1);
    expect(await count(s.dbh, 'usage_events')).toBe(2);
    expect(stops).toEqual([]);
  });

  it('reports a thread that cannot open its database, and the writer stores on the request thread', async () => {
    const s = await served();
    const stops: string[] = [];
    const thread = new IngestWriteThread(path.join(os.tmpdir(), 'no-such-folder', 'sub', 'baton.db'), (reason) =>
      stops.push(reason),
    );
    cleanup.push(() => thread.close());
    while (stops.length === 0) await new Promise((r) => setTimeout(r, 20));
    expect(thread.writing).toBe(false);
    const writer = new IngestWriter(s.dbh.db, { maxPending: 100, retryAfterSeconds: 1, writers: 1 }, thread);
    expect((await writer.submit(request(s.workspaceId, ['b-1']))).stored).toBe(1);
  });

  it('holds a process open while it closes, so that a shutdown runs to its end', async () => {
    const s = await served();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-write-close-'));
    cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const here = path.dirname(fileURLToPath(import.meta.url));
    // Nothing else keeps this process alive while the thread stops: it must still reach the last line.
    const r = runTsScript(
      dir,
      `import { IngestWriteThread } from ${JSON.stringify(path.join(here, 'write-thread.service.ts'))};
const thread = new IngestWriteThread(${JSON.stringify(s.file)});
while (!thread.writing) await new Promise((resolve) => setTimeout(resolve, 20));
await thread.close();
console.log('closed');
`,
    );
    expect(r.stdout, r.stderr).toContain('closed');
    expect(r.status).toBe(0);
  });
});
