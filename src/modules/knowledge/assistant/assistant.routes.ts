import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { scopeOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { refId } from '../../../platform/http/references.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { SEARCH_KINDS } from '../search/search-doc.ts';
import { answerQuestion } from './assistant.service.ts';

export const MAX_QUESTION = 2_000;

export const assistantBody = z.object({
  question: z.string().trim().min(1, 'is empty').max(MAX_QUESTION).describe('The question, as a person would ask it'),
  accountId: refId('account', 'The account the question is about: its brief and projects are searched too')
    .nullable()
    .optional(),
  projectId: refId('project', 'The project the question is about: its account, and implementations like it')
    .nullable()
    .optional(),
});

export const assistantAnswerSchema = z.object({
  answer: z
    .array(z.object({ sentence: z.string(), citations: z.array(z.number()).describe('Numbers of its sources') }))
    .describe('The answer, sentence by sentence, each citing its sources (none in an “I don’t know”)'),
  sources: z.array(
    z.object({
      n: z.number(),
      kind: z.enum(SEARCH_KINDS),
      id: z.string(),
      title: z.string(),
      url: z.string(),
      snippet: z.string().describe('Escaped HTML, the matched words inside <mark>'),
    }),
  ),
  mode: z
    .enum(['extractive', 'llm'])
    .describe('extractive: sentences taken from the sources; llm: written by the model'),
  known: z.boolean().describe('false: nothing searched answers the question, and the answer says so'),
  searched: z.array(z.string()).describe('What was searched, in words'),
  note: z.string().nullable().describe('Why the answer differs from what was asked for, when it does'),
});

/** The implementation assistant: a question answered from the knowledge base, with citations. */
export function assistantRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/v1/assistant/answers', {
    config: { access: 'knowledge:read' },
    schema: {
      tags: ['knowledge'],
      summary:
        'Answer a question, for an account or a project, from the articles, its handoff brief, its projects’ ' +
        'decisions and similar implementations’ lessons, every sentence citing its source; “I don’t know” when ' +
        'nothing found answers it',
      body: assistantBody,
      response: { 200: assistantAnswerSchema, ...errorResponses },
    },
    handler: async (request) =>
      answerQuestion(ctx.db, scopeOf(principalOf(request)), request.body, {
        llm: ctx.config.llm,
        today: ctx.now().toISOString().slice(0, 10),
      }),
  });
}
