import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { can, scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { errorResponses, idParams } from '../../platform/http/schemas.ts';
import { TIMELINE_GROUPS, type TimelineGroup } from '../accounts/index.ts';
import { isTimelineCursor, timelineGroupsOf } from './account-timeline.ts';
import { readAccountTimeline } from './account-timeline.service.ts';

const entrySchema = z.object({
  id: z.string(),
  at: z.string().describe('ISO-8601 UTC; a day-only fact stands at the start of its day'),
  kind: z.string().describe('<group>.<what happened>, e.g. project.slipped'),
  title: z.string(),
  sentence: z.string(),
  ref: z.object({ kind: z.string(), id: z.string() }),
  module: z.string(),
});

const timelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Entries per page (1–200)'),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page'),
  before: z.iso.datetime().optional().describe('Only entries strictly before this instant (ISO-8601 UTC)'),
  kinds: z
    .string()
    .max(500)
    .optional()
    .describe(`Comma-separated groups to keep: ${TIMELINE_GROUPS.join(', ')}; all the reader may see by default`),
});

/** The account's whole story: every module's entries, newest first, as far as the reader may read them. */
export function accountTimelineRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/v1/accounts/:id/timeline', {
    config: { access: 'accounts:read' },
    schema: {
      tags: ['insights'],
      summary: 'Everything that happened to an account, newest first: deal, brief, promises, projects, signals …',
      description:
        'Entries from every module the reader may read: deals (deals:read), briefs (handoffs:read), promises ' +
        '(commitments:read), projects and their slips (projects:read), first use (usage:read), signals, ' +
        'subscription changes (revenue:read), survey answers and touches (relationship:read), tickets ' +
        '(support:read) and health band changes (health:read). Partner users read their firm’s accounts and ' +
        'projects only.',
      params: idParams,
      querystring: timelineQuery,
      response: {
        200: z.object({
          accountId: z.string(),
          groups: z.array(z.enum(TIMELINE_GROUPS)).describe('The groups this reader may see'),
          items: z.array(entrySchema),
          nextCursor: z.string().nullable(),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      const { limit, cursor, before, kinds } = request.query;
      const page = await readAccountTimeline(ctx.db, scopeOf(principal), request.params.id, (p) => can(principal, p), {
        limit,
        before: before ? new Date(before).toISOString() : undefined,
        after: decodeCursor(cursor, isTimelineCursor),
        groups: timelineGroupsOf(kinds, 'querystring.kinds'),
      });
      return {
        accountId: request.params.id,
        groups: page.groups,
        items: page.items,
        nextCursor: page.next ? encodeCursor(page.next) : null,
      };
    },
  });
}
