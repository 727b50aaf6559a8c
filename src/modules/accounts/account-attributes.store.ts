import type { Db } from '../../platform/db/database.ts';
import type { AccountAttributesTable } from './account-attributes.table.ts';

/** Replaces the attribute rows of the given accounts (one statement per 100 rows). */
export async function replaceAccountAttributes(db: Db, rows: readonly AccountAttributesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    await db
      .deleteFrom('account_attributes')
      .where(
        'account_id',
        'in',
        chunk.map((r) => r.account_id),
      )
      .execute();
    await db.insertInto('account_attributes').values(chunk).execute();
  }
}

export interface AccountAttributesRow {
  accountId: string;
  name: string;
  attributes: Record<string, string>;
  outcome: 0 | 1 | null;
  outcomeRecordedOn: string | null;
}

/** Every account of a workspace with imported attributes or an outcome, by name. */
export async function listAccountAttributes(db: Db, workspaceId: string): Promise<AccountAttributesRow[]> {
  const rows = await db
    .selectFrom('account_attributes as aa')
    .innerJoin('accounts as a', 'a.id', 'aa.account_id')
    .select(['aa.account_id', 'a.name', 'aa.attributes', 'aa.outcome', 'aa.outcome_recorded_on'])
    .where('aa.workspace_id', '=', workspaceId)
    .orderBy('a.name')
    .orderBy('aa.account_id')
    .execute();
  return rows.map((r) => ({
    accountId: r.account_id,
    name: r.name,
    attributes: JSON.parse(r.attributes) as Record<string, string>,
    outcome: r.outcome === null ? null : r.outcome === 1 ? 1 : 0,
    outcomeRecordedOn: r.outcome_recorded_on,
  }));
}
