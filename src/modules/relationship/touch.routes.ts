import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAccount } from '../accounts/index.ts';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../platform/auth/principal.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate } from '../../platform/http/schemas.ts';
import { itemsOf, refusal } from './request-errors.ts';
import { stakeholdersSchema, touchBody, touchItem, touchSchema } from './relationship.schemas.ts';
import { periodBounds } from './sentiment.service.ts';
import { accountStakeholders } from './stakeholders.service.ts';
import { applyTouchBatch, listTouches } from './touch.service.ts';
import { TOUCH_KINDS, type TouchRecord } from './touch.ts';

const toRecord = (item: z.infer<typeof touchItem>): TouchRecord => ({
  kind: item.kind,
  occurredAt: new Date(item.occurredAt).toISOString(),
  subject: item.subject || null,
  direction: item.direction ?? null,
  source: item.source ?? 'api',
  externalId: item.externalId ?? null,
  accountRef: item.accountId ?? null,
  accountName: null,
  contactRefs: [...new Set(item.contactIds ?? [])],
  emails: [...new Set((item.emails ?? []).map((e) => e.toLowerCase()))],
});

/** Touches (meetings, calls, emails with an account's people) and an account's stakeholders. */
export function touchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.post('/api/v1/relationship/touches', {
    config: { access: 'relationship:write', idempotent: true },
    schema: {
      tags: ['relationship'],
      summary:
        'Record meetings, calls or emails with an account’s people, one or a batch (all or none); each moves its contacts’ last touch forward, never back',
      body: touchBody,
      response: {
        201: z.object({ created: z.number(), unchanged: z.number(), items: z.array(touchSchema) }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const { items, batch } = itemsOf(request.body, (fields) => touchItem.parse(fields), 'touch');
      const workspaceId = principal.workspaceId;
      const result = await db.transaction().execute(async (trx) => {
        const out = await applyTouchBatch(
          trx,
          { workspaceId, now: ctx.now() },
          items.map((item, i) => ({ row: i + 1, record: toRecord(item) })),
        );
        if (out.errors.length)
          throw refusal(out.errors, batch, (f) =>
            f === 'account' ? 'accountId' : f === 'occurred_at' ? 'occurredAt' : 'emails',
          );
        if (out.created > 0)
          await recordAudit(trx, {
            workspaceId,
            actor: actorOf(principal, request.id),
            action: 'touch.record',
            entityType: 'account',
            entityId: out.accountIds.length === 1 ? (out.accountIds[0] as string) : null,
            after: { created: out.created, accounts: out.accountIds },
          });
        return out;
      });
      return reply.status(201).send({
        created: result.created,
        unchanged: result.unchanged,
        items: result.touches.map((x) => x.touch),
      });
    },
  });

  r.get('/api/v1/relationship/touches', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['relationship'],
      summary: 'Touches, newest first',
      querystring: z.object({
        account: z.string().max(100).optional().describe('Account id'),
        kind: z.enum(TOUCH_KINDS).optional(),
        from: isoDate.optional().describe('First day (YYYY-MM-DD)'),
        to: isoDate.optional().describe('Last day (YYYY-MM-DD)'),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      response: { 200: z.object({ items: z.array(touchSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const scope = scopeOf(principalOf(request));
      const { account, kind, from, to, limit } = request.query;
      if (account) await getAccount(db, scope, account);
      if (from && to && from > to) throw AppError.validation('querystring.from', `${from} is after ${to}`);
      const items = await listTouches(db, scope.workspaceId, {
        accountId: account,
        kind,
        from: from ? periodBounds(from, from).start : undefined,
        to: to ? periodBounds(to, to).end : undefined,
        limit,
      });
      return { items };
    },
  });

  r.get('/api/v1/relationship/accounts/:id/stakeholders', {
    config: { access: 'relationship:read' },
    schema: {
      tags: ['relationship'],
      summary:
        'An account’s stakeholders: role, last touch and days since, latest NPS and CSAT; and the account’s NPS and CSAT over the last year',
      params: idParams,
      response: { 200: stakeholdersSchema, ...errorResponses },
    },
    handler: async (request) => accountStakeholders(db, scopeOf(principalOf(request)), request.params.id, ctx.now()),
  });
}
