import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { can, scopeOf } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { getMember } from '../../platform/identity/member.service.ts';
import { WORK_KINDS } from './my-work.ts';
import { readMyWork } from './my-work.service.ts';

const workItem = z.object({
  kind: z.enum(WORK_KINDS),
  id: z.string(),
  title: z.string(),
  account: z.object({ id: z.string(), name: z.string() }).nullable(),
  due: z.string().nullable().describe('YYYY-MM-DD; null when nothing is due on a day'),
  moneyAtRisk: z
    .number()
    .nullable()
    .describe('The account’s ARR at risk once churn risk is scored, else its ARR; null without health:read'),
  why: z.string().describe('Why it is in the list, in a sentence with its numbers'),
  href: z.string().describe('The web page to act on it'),
  signal: z
    .object({ attention: z.string(), severity: z.string(), kind: z.string(), snoozedUntil: z.string().nullable() })
    .nullable(),
});

export function myWorkRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/my-work', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['plays'],
      summary: 'What the caller (or, for an admin, a colleague) should do next, the money at stake first',
      description:
        'Active signals on the accounts the person owns, their open project tasks and the unanswered questions on ' +
        'their briefs, ordered by money at risk (most first) then due date (soonest first). Money is given to ' +
        'readers with health:read; others get the list by due date.',
      querystring: z.object({
        userId: z.string().min(1).max(100).optional().describe('A colleague’s queue (admins); the caller’s by default'),
      }),
      response: {
        200: z.object({
          userId: z.string(),
          today: z.string(),
          currency: z.string().nullable(),
          items: z.array(workItem),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => {
      const principal = principalOf(req);
      const self = principal.kind === 'user' ? principal.userId : null;
      const userId = req.query.userId ?? self;
      if (!userId) throw AppError.validation('querystring.userId', 'an API key names whose work to read');
      if (userId !== self) {
        if (!can(principal, 'workspace:manage'))
          throw new AppError('forbidden', 'only an admin reads a colleague’s work');
        await getMember(ctx.db, principal.workspaceId, userId).catch(() => {
          throw AppError.validation('querystring.userId', 'not a member of this workspace');
        });
      }
      const today = ctx.now().toISOString().slice(0, 10);
      return readMyWork(ctx.db, ctx.caps, scopeOf(principal), userId, today, can(principal, 'health:read'));
    },
  });
}
