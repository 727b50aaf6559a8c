/**
 * Health scores at a workspace's scale: a full recompute (every account's facts through the other modules' faces,
 * its score, a history row) of 2,500 and of 10,000 generated accounts, each with an executive sponsor touched some
 * days ago and a subscription, on SQLite. Prints each time, the time per account and the growth ratio (4× the
 * accounts: a ratio near 4 means the cost grows linearly).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAccountsInBulk } from '../src/modules/accounts/index.ts';
import { scoreAccounts } from '../src/modules/health/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/principal.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createWorkspace } from '../src/platform/identity/workspace.service.ts';
import { fmt } from './lib.ts';
import { accountIdsOf, subscribeEach } from './workspace-lib.ts';

const NOW = new Date('2026-12-01T06:00:00.000Z');
const DAY_MS = 86_400_000;
const SEGMENTS = ['smb', 'mid_market', 'enterprise'] as const;

async function recompute(n: number): Promise<{ ms: number; scored: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-health-'));
  const dbh = await openDatabase(`sqlite:${path.join(dir, 'baton.db')}`);
  try {
    await migrateToLatest(dbh);
    const ws = await dbh.db.transaction().execute(async (trx) => {
      const w = await createWorkspace(trx, SYSTEM_ACTOR, { slug: 'bench' });
      await createAccountsInBulk(
        trx,
        SYSTEM_ACTOR,
        w.id,
        Array.from({ length: n }, (_, i) => ({
          name: `Account ${i}`,
          domain: `account-${i}.example`,
          segment: SEGMENTS[i % 3] ?? 'smb',
          contacts: [
            {
              name: `Sponsor ${i}`,
              role: 'executive_sponsor' as const,
              lastTouchAt: new Date(NOW.getTime() - (i % 120) * DAY_MS).toISOString(),
            },
          ],
        })),
        'bench',
      );
      return w.id;
    });
    const ids = await accountIdsOf(dbh, ws);
    await subscribeEach(dbh, ws, ids, (i) => ({
      start: i % 5 === 0 ? '2026-10-01' : '2025-01-01',
      arrCents: 1_000_000 + (i % 50) * 10_000,
      seats: 10 + (i % 40),
    }));
    const started = performance.now();
    const s = await dbh.db.transaction().execute((trx) => scoreAccounts(trx, ws, NOW));
    return { ms: performance.now() - started, scored: s.accounts };
  } finally {
    await dbh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await recompute(200); // warm the JIT
  const small = await recompute(2_500);
  const large = await recompute(10_000);
  console.log('accounts     wall ms   ms per account');
  for (const r of [small, large])
    console.log(`${fmt(r.scored).padStart(8)} ${fmt(r.ms, 0).padStart(10)} ${fmt(r.ms / r.scored, 2).padStart(16)}`);
  console.log(
    `growth: ${fmt(large.ms / small.ms, 2)}× the time for ${fmt(large.scored / small.scored, 1)}× the accounts`,
  );
}
