/** Queries of nudge rules, nudges and eligible users, and of the product users and events they read. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { UsageNudgeEligibleTable, UsageNudgeRuleTable, UsageNudgeTable } from './nudge.table.ts';

export type RuleRow = Selectable<UsageNudgeRuleTable>;
export type NudgeRow = Selectable<UsageNudgeTable>;
export type EligibleRow = Selectable<UsageNudgeEligibleTable>;

const CHUNK = 400;
const chunks = <T>(xs: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
};

export const selectRules = (db: Db, workspaceId: string) =>
  db
    .selectFrom('usage_nudge_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export const findRule = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('usage_nudge_rules')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertRule = (db: Db, row: UsageNudgeRuleTable) =>
  db.insertInto('usage_nudge_rules').values(row).execute();

export const updateRule = (db: Db, workspaceId: string, id: string, patch: Updateable<UsageNudgeRuleTable>) =>
  db.updateTable('usage_nudge_rules').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export async function deleteRule(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('usage_nudge_eligible')
    .where('workspace_id', '=', workspaceId)
    .where('rule_id', '=', id)
    .execute();
  await db.deleteFrom('usage_nudges').where('workspace_id', '=', workspaceId).where('rule_id', '=', id).execute();
  await db.deleteFrom('usage_nudge_rules').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}

/** The product users of the given accounts, each once per account, with the email they last identified with. */
export async function selectProductUsers(db: Db, workspaceId: string, accountIds: readonly string[]) {
  const out: Array<{ account_id: string; user_id: string; email: string | null }> = [];
  for (const chunk of chunks(accountIds))
    out.push(
      ...(await db
        .selectFrom('usage_users as u')
        .leftJoin('usage_user_traits as t', (j) =>
          j.onRef('t.workspace_id', '=', 'u.workspace_id').onRef('t.user_id', '=', 'u.user_id'),
        )
        .select(['u.account_id', 'u.user_id', 't.email'])
        .distinct()
        .where('u.workspace_id', '=', workspaceId)
        .where('u.account_id', 'in', chunk)
        .orderBy('u.account_id')
        .orderBy('u.user_id')
        .execute()
        .then((rows) => rows.map((r) => ({ account_id: r.account_id!, user_id: r.user_id, email: r.email ?? null })))),
    );
  return out;
}

/** When each user of the given accounts first did each of the given events on that account. */
export async function selectFirstDone(
  db: Db,
  workspaceId: string,
  accountIds: readonly string[],
  events: readonly string[],
) {
  if (events.length === 0) return [];
  const out: Array<{ account_id: string; user_id: string; event: string; first_at: string }> = [];
  for (const chunk of chunks(accountIds)) {
    const rows = await db
      .selectFrom('usage_events')
      .select(['account_id', 'user_id', 'event', (eb) => eb.fn.min('occurred_at').as('first_at')])
      .where('workspace_id', '=', workspaceId)
      .where('account_id', 'in', chunk)
      .where('event', 'in', [...events])
      .where('user_id', 'is not', null)
      .groupBy(['account_id', 'user_id', 'event'])
      .execute();
    for (const r of rows)
      out.push({ account_id: r.account_id!, user_id: r.user_id!, event: r.event!, first_at: String(r.first_at) });
  }
  return out;
}

export const selectNudgeKeys = (db: Db, workspaceId: string) =>
  db
    .selectFrom('usage_nudges')
    .select(['rule_id', 'milestone_id', 'user_id'])
    .where('workspace_id', '=', workspaceId)
    .execute();

export const selectEligibleKeys = (db: Db, workspaceId: string) =>
  db
    .selectFrom('usage_nudge_eligible')
    .select(['rule_id', 'milestone_id', 'user_id'])
    .where('workspace_id', '=', workspaceId)
    .execute();

/** Inserts nudges; one already made for the same rule, milestone and user (another instance's) is left as it is. */
export async function insertNudges(db: Db, rows: Insertable<UsageNudgeTable>[]): Promise<void> {
  for (const chunk of chunks(rows).map((c) => c.slice()))
    await db
      .insertInto('usage_nudges')
      .values(chunk)
      .onConflict((oc) => oc.columns(['rule_id', 'milestone_id', 'user_id']).doNothing())
      .execute();
}

export async function insertEligible(db: Db, rows: UsageNudgeEligibleTable[]): Promise<void> {
  for (const chunk of chunks(rows))
    await db
      .insertInto('usage_nudge_eligible')
      .values(chunk)
      .onConflict((oc) => oc.columns(['rule_id', 'milestone_id', 'user_id']).doNothing())
      .execute();
}

/** Email nudges waiting to be sent: new, failed, or claimed by a sender that has not finished for `staleBefore`. */
export const selectSendable = (db: Db, workspaceId: string, staleBefore: string) =>
  db
    .selectFrom('usage_nudges')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('channel', '=', 'email')
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['queued', 'failed']),
        eb.and([eb('status', '=', 'sending'), eb('updated_at', '<', staleBefore)]),
      ]),
    )
    .orderBy('created_at')
    .execute();

/** Claims a nudge for sending, unless another sender changed it since it was read. */
export async function claimNudge(db: Db, row: NudgeRow, at: string): Promise<boolean> {
  const res = await db
    .updateTable('usage_nudges')
    .set({ status: 'sending', attempts: row.attempts + 1, updated_at: at })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('updated_at', '=', row.updated_at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const updateNudge = (db: Db, workspaceId: string, id: string, patch: Updateable<UsageNudgeTable>) =>
  db.updateTable('usage_nudges').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();

export const selectRecentNudges = (db: Db, workspaceId: string, limit: number, status?: string) => {
  let q = db.selectFrom('usage_nudges').selectAll().where('workspace_id', '=', workspaceId);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
};

/** A product user's in-app nudges not dismissed yet. */
export const selectPendingInApp = (db: Db, workspaceId: string, userId: string) =>
  db
    .selectFrom('usage_nudges')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('channel', '=', 'in_app')
    .where('status', 'in', ['queued', 'shown'])
    .orderBy('created_at')
    .execute();

export const findUserNudge = (db: Db, workspaceId: string, userId: string, id: string) =>
  db
    .selectFrom('usage_nudges')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('channel', '=', 'in_app')
    .executeTakeFirst();

/** Nudges and eligible users of a workspace made up to `to` (the effect report's reach). */
export const selectNudgesUpTo = (db: Db, workspaceId: string, to: string) =>
  db
    .selectFrom('usage_nudges')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '<=', to)
    .execute();

export const selectEligibleUpTo = (db: Db, workspaceId: string, to: string) =>
  db
    .selectFrom('usage_nudge_eligible')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('eligible_at', '<=', to)
    .execute();
