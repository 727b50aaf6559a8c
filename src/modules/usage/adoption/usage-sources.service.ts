/** Where a workspace's usage came from: its rollups, the events ingested and the usage tables imported. */
import type { Db } from '../../../platform/db/database.ts';
import { getWorkspace } from '../../../platform/identity/workspace.service.ts';
import { ingestTotals } from '../ingest/ingest.service.ts';
import { type UsageSources, usageSources } from './usage-sources.ts';

export async function workspaceUsageSources(db: Db, workspaceId: string): Promise<UsageSources> {
  const held = await db
    .selectFrom('usage_daily_account_feature')
    .where('workspace_id', '=', workspaceId)
    .select((eb) => [
      eb.fn.min('day').as('first_day'),
      eb.fn.max('day').as('last_day'),
      eb.fn.count('day').distinct().as('days'),
      eb.fn.count('account_id').distinct().as('accounts'),
      eb.fn.sum<number | string | null>('events').as('events'),
    ])
    .executeTakeFirstOrThrow();
  const imported = await db
    .selectFrom('usage_import_rows')
    .where('workspace_id', '=', workspaceId)
    .select((eb) => [
      'source',
      eb.fn.sum<number | string>('events').as('events'),
      eb.fn.count('run_id').distinct().as('runs'),
      eb.fn.max('updated_at').as('last'),
    ])
    .groupBy('source')
    .orderBy('source')
    .execute();
  const totals = await ingestTotals(db, workspaceId);
  const received = Object.values(totals).reduce((n, t) => n + t.stored, 0);
  const workspace = await getWorkspace(db, workspaceId);
  return usageSources(
    {
      firstDay: held.first_day ?? null,
      lastDay: held.last_day ?? null,
      days: Number(held.days),
      accounts: Number(held.accounts),
      events: Number(held.events ?? 0),
    },
    received,
    imported.map((i) => ({
      source: i.source,
      events: Number(i.events),
      runs: Number(i.runs),
      lastImportedAt: i.last ?? null,
    })),
    workspace.isDemo,
  );
}
