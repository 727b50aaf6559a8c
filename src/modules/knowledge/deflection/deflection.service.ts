/**
 * Deflection: the published articles that best answer a question (a help widget's, a new ticket's, a person's),
 * each suggestion kept with what the asker then said, so the deflection rate is measured, not claimed.
 */
import { getTicket } from '../../support/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import type { SearchHit } from '../search/search-doc.ts';
import { searchKnowledge } from '../search/search.service.ts';
import { type DeflectionChannel, type DeflectionReport, deflectionReport } from './deflection.ts';

export interface Suggestion {
  id: string;
  channel: DeflectionChannel;
  query: string;
  articles: SearchHit[];
}

export interface SuggestInput {
  channel: DeflectionChannel;
  query: string;
  limit: number;
  accountId?: string | null;
  endUser?: string | null;
  ticketId?: string | null;
}

/** Suggests articles for a question and records the suggestion. The caller owns the transaction. */
export async function suggestArticles(
  db: Db,
  workspaceId: string,
  input: SuggestInput,
  now: Date,
): Promise<Suggestion> {
  const articles = await searchKnowledge(
    db,
    { workspaceId, partnerId: null },
    { query: input.query, limit: input.limit, kinds: ['article'] },
  );
  const id = newId();
  await db
    .insertInto('knowledge_deflections')
    .values({
      id,
      workspace_id: workspaceId,
      channel: input.channel,
      query: input.query.slice(0, 1000),
      ticket_id: input.ticketId ?? null,
      account_id: input.accountId ?? null,
      end_user: input.endUser ?? null,
      suggested: JSON.stringify(articles.map((a) => a.id)),
      outcome: null,
      helped_article_id: null,
      created_at: now.toISOString(),
      answered_at: null,
    })
    .execute();
  return { id, channel: input.channel, query: input.query, articles };
}

/** Suggests articles for one of the workspace's tickets, from its subject and description. */
export async function suggestForTicket(db: Db, workspaceId: string, ticketId: string, limit: number, now: Date) {
  const ticket = await getTicket(db, workspaceId, ticketId);
  const query = `${ticket.subject ?? ''} ${ticket.description ?? ''}`.trim().slice(0, 1000);
  return suggestArticles(
    db,
    workspaceId,
    { channel: 'ticket', query, limit, ticketId, accountId: ticket.accountId ?? null },
    now,
  );
}

/**
 * Records whether a suggestion helped, once: the article that helped must be one suggested. A second answer is
 * refused (the first stands), so the rate cannot be inflated by repeating a click.
 */
export async function answerSuggestion(
  db: Db,
  workspaceId: string,
  id: string,
  answer: { helped: boolean; articleId?: string | null },
  now: Date,
): Promise<void> {
  const row = await db
    .selectFrom('knowledge_deflections')
    .select(['suggested', 'outcome'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw AppError.notFound('suggestion');
  const suggested = JSON.parse(row.suggested) as string[];
  if (answer.articleId && !suggested.includes(answer.articleId))
    throw AppError.validation('body.articleId', 'not one of the articles suggested');
  const updated = await db
    .updateTable('knowledge_deflections')
    .set({
      outcome: answer.helped ? 'helped' : 'not_helped',
      helped_article_id: answer.helped ? (answer.articleId ?? suggested[0] ?? null) : null,
      answered_at: now.toISOString(),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict', 'this suggestion was already answered');
}

/** The deflection figures of suggestions made from `from` (inclusive) to `to` (exclusive). */
export async function deflectionFigures(
  db: Db,
  workspaceId: string,
  from: string,
  to: string,
): Promise<DeflectionReport> {
  const rows = await db
    .selectFrom('knowledge_deflections')
    .select(['channel', 'suggested', 'outcome', 'helped_article_id'])
    .where('workspace_id', '=', workspaceId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .execute();
  return deflectionReport(
    rows.map((r) => ({
      channel: r.channel,
      suggested: JSON.parse(r.suggested) as string[],
      outcome: r.outcome as 'helped' | 'not_helped' | null,
      helpedArticleId: r.helped_article_id,
    })),
  );
}
