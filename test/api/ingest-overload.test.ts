import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestWriter } from '../../src/modules/usage/ingest/ingest-writer.service.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { AppError } from '../../src/platform/errors/app-error.ts';
import { createWorkspace } from '../../src/platform/identity/workspace.service.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { createTestDatabase, TEST_POSTGRES_URL } from '../helpers/test-db.ts';

let t: TestApp;
let acme: string;
let key: string;
let url: string;
let account: string;

const basic = (writeKey: string) => `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
const track = (messageId: string, userId = 'u1') => ({
  type: 'track',
  messageId,
  userId,
  event: 'Report Published',
  timestamp: '2026-11-20T10:00:00.000Z',
  context: { groupId: account },
});
const stored = async (prefix: string) =>
  (
    await t.ctx.db
      .selectFrom('usage_events')
      .select('message_id')
      .where('workspace_id', '=', acme)
      .where('message_id', 'like', `${prefix}%`)
      .execute()
  ).map((r) => r.message_id);
const rollupEvents = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('usage_daily_account_feature')
        .select((eb) => eb.fn.sum<number>('events').as('n'))
        .where('workspace_id', '=', acme)
        .executeTakeFirst()
    )?.n ?? 0,
  );

/** Sends the batches from another process, all at once, as many clients would; the answers in order. */
function sendAtOnce(
  batches: unknown[][],
): Promise<Array<{ status: number; headers: Record<string, string>; body: string }>> {
  const script = `
    const [url, auth, file] = process.argv.slice(1);
    const batches = JSON.parse(require('node:fs').readFileSync(file, 'utf8'));
    Promise.all(batches.map((batch) => fetch(url + '/v1/batch', { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ batch }) })
      .then(async (r) => ({ status: r.status, headers: Object.fromEntries(r.headers), body: await r.text() }))))
      .then((answers) => process.stdout.write(JSON.stringify(answers)));`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baton-load-')), 'batches.json');
  fs.writeFileSync(file, JSON.stringify(batches));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, url, basic(key), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load client exited with ${code}`)),
    );
  });
}

beforeAll(async () => {
  t = await createTestApp({ BATON_INGEST_MAX_PENDING: '2', BATON_INGEST_RETRY_AFTER: '1' });
  acme = await t.workspace('acme');
  const admin = await t.login((await t.user(acme, 'admin')).email);
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/accounts',
    payload: { name: 'Northwind', domain: 'northwind.example', segment: 'smb' },
  });
  account = res.json().id;
  key = await t.apiKey(acme, 'ingest');
  await t.server.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.server.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t?.close());

describe('ingest under load', () => {
  it('answers 429 with Retry-After when its queue is full, stores nothing of those requests, and takes them when resent', async () => {
    const batches = Array.from({ length: 16 }, (_, b) =>
      Array.from({ length: 400 }, (_, i) => track(`plain-${b}-${i}`, `u${i % 5}`)),
    );
    const answers = await sendAtOnce(batches);
    const refused = answers.flatMap((res, b) => (res.status === 429 ? [b] : []));
    expect(answers.every((res) => res.status === 200 || res.status === 429)).toBe(true);
    expect(refused.length).toBeGreaterThan(0);
    const first = answers[refused[0] as number] as Awaited<ReturnType<typeof sendAtOnce>>[number];
    expect(first.headers['retry-after']).toBe('1');
    expect(first.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(first.body).status).toBe(429);
    // Exactly the accepted batches are stored, and counted once in the rollups.
    expect((await stored('plain-')).length).toBe((batches.length - refused.length) * 400);
    expect(await rollupEvents()).toBe((batches.length - refused.length) * 400);

    // Sent again (together, so some may be refused again) until each is taken.
    let left = refused;
    while (left.length > 0) {
      const again = await sendAtOnce(left.map((b) => batches[b] as unknown[]));
      expect(again.every((res) => res.status === 200 || res.status === 429)).toBe(true);
      left = left.filter((_, k) => again[k]?.status === 429);
    }
    expect((await stored('plain-')).length).toBe(batches.length * 400);
    expect(await rollupEvents()).toBe(batches.length * 400);
  });

  it('lets the official Segment client retry refused batches until every event is stored exactly once', async () => {
    const before = await rollupEvents();
    // The client in its own process (as in production): its batches reach the server at the same time.
    const script = `
      const { Analytics } = require('@segment/analytics-node');
      const [key, host, account] = process.argv.slice(1);
      const analytics = new Analytics({ writeKey: key, host, flushAt: 20, flushInterval: 60000, maxRetries: 5 });
      const statuses = [];
      const errors = [];
      analytics.on('http_response', (r) => statuses.push(r.status));
      analytics.on('error', (e) => errors.push(String(e.reason ?? e.code ?? e)));
      for (let i = 0; i < 240; i++) analytics.track({ userId: 'client-' + (i % 7), event: 'Export Run', messageId: 'client-' + i, timestamp: new Date('2026-11-21T10:00:00Z'), context: { groupId: account } });
      analytics.closeAndFlush({ timeout: 60000 }).then(() => process.stdout.write(JSON.stringify({ statuses, errors })));`;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['-e', script, key, url, account], {
        cwd: process.cwd(),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`segment client exited with ${code}`)),
      );
    });
    const { statuses, errors } = JSON.parse(out) as { statuses: number[]; errors: string[] };
    expect(errors).toEqual([]);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 200)).toHaveLength(12);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect((await stored('client-')).length).toBe(240);
    expect(await rollupEvents()).toBe(before + 240);
  }, 90_000);
});

describe('a busy database', () => {
  it('turns the database refusing the write (SQLite busy, PostgreSQL out of connections) into 429, storing nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-busy-'));
    const testDb = await createTestDatabase({ sqliteFile: path.join(dir, 'baton.db') });
    try {
      const ws = (await createWorkspace(testDb.db, SYSTEM_ACTOR, { slug: 'busy' })).id;
      const request = {
        workspaceId: ws,
        source: 'segment' as const,
        actor: SYSTEM_ACTOR,
        messages: [
          {
            source: 'segment' as const,
            messageId: 'busy-1',
            type: 'track' as const,
            event: 'x',
            userId: 'u',
            anonymousId: null,
            groupId: null,
            occurredAt: '2026-11-20T10:00:00.000Z',
            properties: '{}',
            email: null,
          },
        ],
      };
      const writer = new IngestWriter(testDb.db, { maxPending: 10, retryAfterSeconds: 3, writers: 1 });
      let refusal: unknown;
      if (TEST_POSTGRES_URL) {
        // Every pooled connection is taken (the pool has 5): the write cannot get one within the pool's timeout.
        // Each holder says when it has its connection, and keeps it until the refusal is in.
        let release!: () => void;
        const released = new Promise<void>((r) => (release = r));
        const acquired: Array<Promise<void>> = [];
        const holders = Array.from({ length: 5 }, () => {
          let got!: () => void;
          acquired.push(new Promise<void>((r) => (got = r)));
          return testDb.db.connection().execute(async () => {
            got();
            await released;
          });
        });
        await Promise.all(acquired);
        refusal = await writer.submit(request).catch((e: unknown) => e);
        release();
        await Promise.all(holders);
      } else {
        testDb.dbh.sqlite?.pragma('busy_timeout = 100');
        const other = new SqliteDatabase(path.join(dir, 'baton.db'));
        other.exec('BEGIN IMMEDIATE');
        refusal = await writer.submit(request).catch((e: unknown) => e);
        other.exec('ROLLBACK');
        other.close();
      }
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).code).toBe('rate_limited');
      expect((refusal as AppError).retryAfterSeconds).toBe(3);
      expect(await testDb.db.selectFrom('usage_events').selectAll().execute()).toEqual([]);
      expect((await writer.submit(request)).stored).toBe(1);
    } finally {
      await testDb.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
