/** Queries the relationship signals read: each contact's latest NPS with its comment, an account's recent touches. */
import type { Db } from '../../../platform/db/database.ts';

/** An account's NPS answers from known contacts, newest first (the first of each contact is its latest). */
export const selectNpsAnswers = (db: Db, workspaceId: string, accountId: string) =>
  db
    .selectFrom('relationship_surveys')
    .select(['contact_id', 'score', 'responded_at', 'comment'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('kind', '=', 'nps')
    .where('contact_id', 'is not', null)
    .orderBy('responded_at', 'desc')
    .orderBy('id')
    .execute();

/** An account's touches from `from` (ISO moment, excluded) on. */
export const selectTouchesSince = (db: Db, workspaceId: string, accountId: string, from: string) =>
  db
    .selectFrom('relationship_touches')
    .select(['occurred_at', 'kind', 'subject', 'contact_ids'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('occurred_at', '>', from)
    .orderBy('occurred_at')
    .execute();
