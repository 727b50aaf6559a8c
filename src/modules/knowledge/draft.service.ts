/** Drafts an article from a resolved ticket, read through support's face. */
import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getTicket } from '../support/index.ts';
import type { Article } from './article.ts';
import { createArticle } from './article.service.ts';
import { draftOfTicket, isResolved } from './draft.ts';

export async function draftFromTicket(
  db: Db,
  actor: Actor,
  workspaceId: string,
  ticketId: string,
  now: string,
): Promise<Article> {
  const ticket = await getTicket(db, workspaceId, ticketId);
  if (!isResolved(ticket))
    throw AppError.validation('params.ticketId', 'the ticket is not resolved yet: draft from a solved ticket');
  return createArticle(
    db,
    actor,
    workspaceId,
    { content: draftOfTicket(ticket), source: 'ticket', sourceRef: ticket.id },
    now,
  );
}
