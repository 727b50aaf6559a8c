import type { Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { DealStageMappingTable } from '../deal.table.ts';

export type StageMappingRow = Selectable<DealStageMappingTable>;

/** The workspace's own mappings, pipeline by pipeline in stage order. */
export const selectMappings = (db: Db, workspaceId: string) =>
  db
    .selectFrom('deal_stage_mappings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('source')
    .orderBy('pipeline')
    .orderBy('display_order')
    .orderBy('stage')
    .execute();

export const selectPipelineMappings = (db: Db, workspaceId: string, source: string, pipeline: string) =>
  db
    .selectFrom('deal_stage_mappings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', source)
    .where('pipeline', '=', pipeline)
    .orderBy('display_order')
    .orderBy('stage')
    .execute();

export const deletePipelineMappings = (db: Db, workspaceId: string, source: string, pipeline: string) =>
  db
    .deleteFrom('deal_stage_mappings')
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', source)
    .where('pipeline', '=', pipeline)
    .execute();

export async function insertMappings(db: Db, rows: DealStageMappingTable[]): Promise<void> {
  // 9 columns × 500 rows stays under both databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('deal_stage_mappings')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Deals counted by source, pipeline, stage and category, and whether the CRM stated the category itself. */
export async function countDealsByStage(db: Db, workspaceId: string, sources?: string[]) {
  let q = db
    .selectFrom('deals')
    .select([
      'source',
      'pipeline',
      'stage',
      'stage_category',
      'stage_category_stated',
      (eb) => eb.fn.countAll().as('n'),
    ])
    .where('workspace_id', '=', workspaceId);
  if (sources) q = q.where('source', 'in', sources.length ? sources : ['']);
  const rows = await q.groupBy(['source', 'pipeline', 'stage', 'stage_category', 'stage_category_stated']).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export interface StageGroupKey {
  source: string;
  pipeline: string | null;
  stage: string;
  category: string;
}

/** The deals of one group whose category a mapping decides, with what the closed-won guard reads. */
export const selectMappedDealsInGroup = (db: Db, workspaceId: string, g: StageGroupKey) =>
  db
    .selectFrom('deals')
    .select([
      'id',
      'name',
      'account_id',
      'stage',
      'amount',
      'currency',
      'partner_name',
      'journey_state',
      'signed_date',
      'finance_confirmed_at',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('source', '=', g.source)
    .where('pipeline', g.pipeline === null ? 'is' : '=', g.pipeline)
    .where('stage', '=', g.stage)
    .where('stage_category', '=', g.category)
    .where('stage_category_stated', '=', 0)
    .execute();
