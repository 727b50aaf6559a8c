import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portfolio } from '../../src/modules/usage/adoption/adoption.service.ts';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

/**
 * A served SQLite file runs one of the portfolio's aggregate queries on its side thread: the numbers must be those
 * the same file gives on one thread.
 */
let dir: string;
let served: DatabaseHandle;
let single: DatabaseHandle;
const ws = 'ws-side';
const DAY = '2026-11-20';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-side-read-'));
  const file = path.join(dir, 'baton.db');
  served = await openDatabase(`sqlite:${file}`, { sideThread: true });
  await migrateToLatest(served);
  single = await openDatabase(`sqlite:${file}`);
  const sqlite = served.sqlite as NonNullable<DatabaseHandle['sqlite']>;
  sqlite
    .prepare('insert into workspaces (id, slug, name, created_at) values (?, ?, ?, ?)')
    .run(ws, 'side', 'Side', 'x');
  const account = sqlite.prepare(
    "insert into accounts (id, workspace_id, name, segment, lifecycle_phase, created_at, updated_at) values (?, ?, ?, 'smb', 'live', 'x', 'x')",
  );
  const user = sqlite.prepare(
    'insert into usage_daily_account_user (workspace_id, account_id, day, user_key, events) values (?, ?, ?, ?, ?)',
  );
  const feature = sqlite.prepare(
    'insert into usage_daily_account_feature (workspace_id, account_id, day, feature, events) values (?, ?, ?, ?, ?)',
  );
  const seats = sqlite.prepare(
    'insert into usage_account_seats (workspace_id, account_id, seats, updated_at) values (?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (let a = 0; a < 60; a++) {
      account.run(`acc-${a}`, ws, `Account ${a}`);
      if (a % 3 !== 0) seats.run(ws, `acc-${a}`, 5 + (a % 7), 'x');
      for (let d = 0; d < 35; d++) {
        const day = new Date(Date.parse(`${DAY}T00:00:00Z`) - d * 86_400_000).toISOString().slice(0, 10);
        if ((a + d) % 4 === 0) continue;
        user.run(ws, `acc-${a}`, day, `u${(a * 3 + d) % (2 + (a % 6))}`, (a + d) % 9);
        feature.run(ws, `acc-${a}`, day, `f${(a + d) % 5}`, (a * d) % 7);
      }
    }
  })();
});

afterAll(async () => {
  await single?.close();
  await served?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the portfolio on a served SQLite file', () => {
  it('gives the numbers the same file gives on one thread, for every sort', async () => {
    const scope = { workspaceId: ws, partnerId: null };
    for (const sort of ['adoptionRate', 'mau', 'featureBreadth', 'concentration', 'trend'] as const) {
      const q = { day: DAY, sort, order: 'desc' as const, limit: 100, offset: 0 };
      const [a, b] = await Promise.all([portfolio(served.db, scope, q), portfolio(single.db, scope, q)]);
      expect(a.total).toBeGreaterThan(40);
      expect(a).toEqual(b);
    }
  });
});
