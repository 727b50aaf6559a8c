/** Regulatory events and their reviews (`regulatory_events`, `regulatory_reviews`). */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';
import type { RegulatoryEventTable, RegulatoryReviewTable } from './regulatory.table.ts';

export type EventRow = Selectable<RegulatoryEventTable>;
export type ReviewRow = Selectable<RegulatoryReviewTable>;

export const insertEvent = (db: Db, row: Insertable<RegulatoryEventTable>) =>
  db.insertInto('regulatory_events').values(row).execute();

export const selectEvents = (db: Db, workspaceId: string) =>
  db
    .selectFrom('regulatory_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('effective_on', 'desc')
    .orderBy('id')
    .execute();

export const findEvent = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('regulatory_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertReview = (db: Db, row: Insertable<RegulatoryReviewTable>) =>
  db.insertInto('regulatory_reviews').values(row).execute();

export const findReview = (db: Db, workspaceId: string, eventId: string, accountId: string) =>
  db
    .selectFrom('regulatory_reviews')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('event_id', '=', eventId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();

export const selectReviews = (db: Db, workspaceId: string) =>
  db.selectFrom('regulatory_reviews').selectAll().where('workspace_id', '=', workspaceId).orderBy('at').execute();
