/**
 * What the answers' and the touches' routes share: the list's query (an account, a kind, a period, a limit),
 * read and checked the same way, and the audit entry of a batch recorded.
 */
import { z } from 'zod';
import { getAccount } from '../accounts/index.ts';
import { actorOf, type Principal, scopeOf } from '../../platform/auth/principal.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { isoDate } from '../../platform/http/schemas.ts';
import { periodBounds } from './sentiment.service.ts';

/** The query of a list of answers or touches, with the kinds it may filter by. */
export const recordListQuery = <K extends readonly [string, ...string[]]>(kinds: K) =>
  z.object({
    account: z.string().max(100).optional().describe('Account id'),
    kind: z.enum(kinds).optional(),
    from: isoDate.optional().describe('First day (YYYY-MM-DD)'),
    to: isoDate.optional().describe('Last day (YYYY-MM-DD)'),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  });

/**
 * The filter a list query asks for, in the principal's workspace: an account it may not see is not found, a
 * period that ends before it begins is refused naming `querystring.from`, and days become the period's bounds.
 */
export async function readRecordListQuery<Kind extends string>(
  db: Db,
  principal: Principal,
  query: { account?: string; kind?: Kind; from?: string; to?: string; limit: number },
): Promise<{
  workspaceId: string;
  filter: { accountId?: string; kind?: Kind; from?: string; to?: string; limit: number };
}> {
  const scope = scopeOf(principal);
  const { account, kind, from, to, limit } = query;
  if (account) await getAccount(db, scope, account);
  if (from && to && from > to) throw AppError.validation('querystring.from', `${from} is after ${to}`);
  return {
    workspaceId: scope.workspaceId,
    filter: {
      accountId: account,
      kind,
      from: from ? periodBounds(from, from).start : undefined,
      to: to ? periodBounds(to, to).end : undefined,
      limit,
    },
  };
}

/** Audits a batch that recorded something: on its account when it touched one, with what it created. */
export async function auditRecorded(
  db: Db,
  principal: Principal,
  requestId: string,
  action: string,
  out: { created: number; accountIds: readonly string[] },
): Promise<void> {
  if (out.created === 0) return;
  await recordAudit(db, {
    workspaceId: principal.workspaceId,
    actor: actorOf(principal, requestId),
    action,
    entityType: 'account',
    entityId: out.accountIds.length === 1 ? (out.accountIds[0] as string) : null,
    after: { created: out.created, accounts: out.accountIds },
  });
}
