/**
 * Writes the demo's product usage: the feature catalogue and plans, licensed seats, ten weeks of daily rollups as
 * `baton import usage` would add them, one release, and integration syncs (one failing more than usual, one no
 * longer syncing). The usage signals follow from the daily `usage.signals` job.
 */
import type { Actor } from '../platform/auth/principal.ts';
import type { Db } from '../platform/db/database.ts';
import { accountNamesById } from '../modules/accounts/index.ts';
import {
  addRollupCounts,
  createFeature,
  createRelease,
  recordReports,
  setPlan,
  setSeats,
} from '../modules/usage/index.ts';
import type { DemoData } from './demo.ts';
import type { Random } from './random.ts';
import { DEMO_FEATURES, generateDemoUsage } from './usage.ts';

const DAY = 86_400_000;

export async function writeDemoUsage(
  db: Db,
  ctx: { workspaceId: string; data: DemoData; today: Date; actor: Actor },
  rng: Random,
): Promise<{ accounts: number; rows: number }> {
  const { workspaceId, actor } = ctx;
  const scope = { workspaceId, partnerId: null };
  const day = (daysAgo: number) => new Date(ctx.today.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  for (const f of DEMO_FEATURES) await createFeature(db, actor, workspaceId, f);
  await createRelease(db, actor, workspaceId, {
    name: 'Scheduled reports',
    version: '4.2',
    releasedOn: day(80),
    notes: 'Reports sent by email on a schedule',
    features: ['scheduled-reports'],
  });

  const ids = new Map([...(await accountNamesById(db, scope))].map(([id, name]) => [name, id]));
  const usage = generateDemoUsage(rng, ctx.data.accounts);
  let rows = 0;
  for (const u of usage) {
    const accountId = ids.get(u.accountName);
    if (!accountId) continue;
    await setSeats(db, actor, scope, accountId, u.seats);
    await setPlan(db, actor, scope, accountId, u.plan);
    const features = u.features.map((f) => ({
      account_id: accountId,
      day: day(f.daysAgo),
      feature: f.feature,
      events: f.events,
    }));
    const users = u.users.map((x) => ({
      account_id: accountId,
      day: day(x.daysAgo),
      user_key: x.user,
      events: x.events,
    }));
    await addRollupCounts(db, workspaceId, features, users);
    rows += features.length + users.length;
  }

  // A CRM sync on a dozen customers, twice a day: one failing far more than usual this week, one silent for nine days,
  // dated from the demo's own day (its clock), like the usage above.
  const syncNow = ctx.today.getTime();
  const synced = usage.slice(0, 12);
  const reports = synced
    .flatMap((u, i) =>
      // Twice a day, at 1:00 and 13:00 before the hour the demo is built.
      Array.from({ length: 70 }, (_, half) => half / 2)
        .filter((d) => !(i === 1 && d < 9))
        .map((d) => ({
          account: ids.get(u.accountName)!,
          integration: 'salesforce-sync',
          status: (i === 0 && d < 7 ? rng.chance(0.7) : rng.chance(0.04)) ? ('error' as const) : ('ok' as const),
          detail: null,
          occurredAt: new Date(syncNow - d * DAY - 3_600_000).toISOString(),
        })),
    )
    .filter((r) => r.account);
  for (let i = 0; i < reports.length; i += 500)
    await recordReports(db, workspaceId, reports.slice(i, i + 500), (n, name) => `reports.${i + n}.${name}`, ctx.today);
  return { accounts: usage.length, rows };
}
