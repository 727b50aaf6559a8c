import type { Db } from '../../platform/db/database.ts';
import type { RiskBacktestTable, RiskModelTable, RiskScoreTable } from './risk.table.ts';

export const insertBacktest = (db: Db, row: RiskBacktestTable) => db.insertInto('risk_backtests').values(row).execute();

export const latestBacktest = (db: Db, workspaceId: string) =>
  db
    .selectFrom('risk_backtests')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

export const insertModel = (db: Db, row: RiskModelTable) => db.insertInto('risk_models').values(row).execute();

/** Replaces the workspace's scores with those of one model. */
export async function replaceScores(db: Db, workspaceId: string, rows: readonly RiskScoreTable[]): Promise<void> {
  await db.deleteFrom('risk_scores').where('workspace_id', '=', workspaceId).execute();
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('risk_scores')
      .values(rows.slice(i, i + 200))
      .execute();
}

export const listScores = (db: Db, workspaceId: string, limit: number, offset: number) =>
  db
    .selectFrom('risk_scores as s')
    .select(['s.account_id', 's.probability', 's.decile', 's.drivers', 's.scored_at'])
    .where('s.workspace_id', '=', workspaceId)
    .orderBy('s.probability', 'desc')
    .orderBy('s.account_id')
    .limit(limit)
    .offset(offset)
    .execute();

export const scoreOf = (db: Db, workspaceId: string, accountId: string) =>
  db
    .selectFrom('risk_scores as s')
    .select(['s.account_id', 's.probability', 's.decile', 's.drivers', 's.scored_at'])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.account_id', '=', accountId)
    .executeTakeFirst();

export const modelOf = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('risk_models')
    .select(['id', 'model', 'created_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Every score of the workspace with its model's id, riskiest first. */
export const allScores = (db: Db, workspaceId: string) =>
  db
    .selectFrom('risk_scores as s')
    .select(['s.account_id', 's.model_id', 's.probability', 's.decile', 's.drivers', 's.scored_at'])
    .where('s.workspace_id', '=', workspaceId)
    .orderBy('s.probability', 'desc')
    .orderBy('s.account_id')
    .execute();
