import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { actorOf } from '../auth/principal.ts';
import { AppError } from '../errors/app-error.ts';
import { principalOf } from '../http/auth.hook.ts';
import { errorResponses } from '../http/schemas.ts';
import { changeOwnPassword, renameSelf } from './login.service.ts';

function signedInPerson(request: FastifyRequest) {
  const principal = principalOf(request);
  if (principal.kind !== 'user')
    throw new AppError('forbidden', 'an API key has no login of its own: sign in as the person');
  return principal;
}

/** My account: the signed-in person's own name and password, which only they change. */
export function meRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.patch('/api/v1/me', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['session'],
      summary: 'Change your own name (it shows in every workspace you belong to)',
      body: z.object({ name: z.string().trim().min(1).max(200) }).strict(),
      response: { 200: z.object({ id: z.string(), email: z.string(), name: z.string() }), ...errorResponses },
    },
    handler: async (request) => {
      const me = signedInPerson(request);
      return db.transaction().execute((trx) => renameSelf(trx, actorOf(me, request.id), me.userId, request.body.name));
    },
  });

  r.put('/api/v1/me/password', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['session'],
      summary: 'Change your own password, giving the current one; your other sessions end, this one stays',
      body: z
        .object({
          currentPassword: z.string().min(1).max(1000),
          newPassword: z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(1000),
        })
        .strict(),
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const me = signedInPerson(request);
      await db
        .transaction()
        .execute((trx) =>
          changeOwnPassword(trx, actorOf(me, request.id), { userId: me.userId, sessionId: me.sessionId }, request.body),
        );
      return reply.status(204).send(null);
    },
  });
}
