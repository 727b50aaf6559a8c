/** Queries of survey answers. */
import type { Selectable } from 'kysely';
import { chunked } from '../../platform/db/chunked.ts';
import type { Db } from '../../platform/db/database.ts';
import type { RelationshipSurveyTable } from './relationship.table.ts';

export type SurveyRow = Selectable<RelationshipSurveyTable>;

export const selectSurveyKeys = (db: Db, workspaceId: string, keys: readonly string[]) =>
  chunked(keys, 500, (chunk) =>
    db
      .selectFrom('relationship_surveys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('dedupe_key', 'in', chunk)
      .execute(),
  );

export async function insertSurveys(db: Db, rows: RelationshipSurveyTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('relationship_surveys')
      .values(rows.slice(i, i + 300))
      .execute();
}

export interface SurveyFilter {
  accountId?: string;
  kind?: string;
  /** ISO moments, both included. */
  from?: string;
  to?: string;
  limit?: number;
}

export function selectSurveys(db: Db, workspaceId: string, f: SurveyFilter) {
  let q = db.selectFrom('relationship_surveys').selectAll().where('workspace_id', '=', workspaceId);
  if (f.accountId) q = q.where('account_id', '=', f.accountId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.from) q = q.where('responded_at', '>=', f.from);
  if (f.to) q = q.where('responded_at', '<=', f.to);
  q = q.orderBy('responded_at', 'desc').orderBy('id');
  if (f.limit) q = q.limit(f.limit);
  return q.execute();
}

/** The answers in a period, with only what the figures need. */
export const selectScores = (db: Db, workspaceId: string, from: string, to: string, accountId?: string) => {
  let q = db
    .selectFrom('relationship_surveys')
    .select(['account_id', 'kind', 'score'])
    .where('workspace_id', '=', workspaceId)
    .where('responded_at', '>=', from)
    .where('responded_at', '<=', to);
  if (accountId) q = q.where('account_id', '=', accountId);
  return q.execute();
};

/** Each answer of an account's contacts, newest first (the first of each contact and kind is its latest). */
export const selectContactAnswers = (db: Db, workspaceId: string, accountId: string) =>
  db
    .selectFrom('relationship_surveys')
    .select(['contact_id', 'kind', 'score', 'responded_at'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('contact_id', 'is not', null)
    .orderBy('responded_at', 'desc')
    .execute();
