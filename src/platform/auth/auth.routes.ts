import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { principalOf } from '../http/auth.hook.ts';
import { errorResponses, problemSchema } from '../http/schemas.ts';
import { externalId } from '../http/references.ts';
import { listWorkspacesOfUser } from '../identity/identity.store.ts';
import { getMember } from '../identity/member.service.ts';
import { getWorkspace } from '../identity/workspace.service.ts';
import { ROLES, permissionsOfRole, permissionsOfScope } from './permissions.ts';
import { attemptLogin, logout, SESSION_COOKIE, switchWorkspace } from './session.service.ts';

const sessionSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
  apiKey: z.object({ id: z.string(), name: z.string(), scope: z.string() }).nullable(),
  workspace: z.object({ id: z.string(), slug: z.string(), name: z.string(), isDemo: z.boolean() }),
  role: z.enum([...ROLES, 'api_key']),
  partnerId: z.string().nullable(),
  permissions: z.array(z.string()),
  workspaces: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), role: z.string() })),
  csrfToken: z.string().nullable(),
});

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx;
  /** The session cookie's attributes: signing out clears it with the very ones it was set with. */
  const sessionCookie = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies } as const;

  const describe = async (principal: ReturnType<typeof principalOf>): Promise<z.infer<typeof sessionSchema>> => {
    const workspace = await getWorkspace(db, principal.workspaceId);
    const ws = { id: workspace.id, slug: workspace.slug, name: workspace.name, isDemo: workspace.isDemo };
    if (principal.kind === 'api_key') {
      return {
        user: null,
        apiKey: { id: principal.keyId, name: principal.name, scope: principal.scope },
        workspace: ws,
        role: 'api_key',
        partnerId: null,
        permissions: permissionsOfScope(principal.scope),
        workspaces: [{ ...ws, role: 'api_key' }],
        csrfToken: null,
      };
    }
    const me = await getMember(db, principal.workspaceId, principal.userId);
    const workspaces = await listWorkspacesOfUser(db, principal.userId);
    return {
      user: { id: me.id, email: me.email, name: me.name },
      apiKey: null,
      workspace: ws,
      role: principal.role,
      partnerId: principal.partnerId,
      permissions: permissionsOfRole(principal.role),
      workspaces: workspaces.map((w) => ({ id: w.id, slug: w.slug, name: w.name, role: w.role })),
      csrfToken: principal.csrfToken,
    };
  };

  r.post('/api/v1/session', {
    config: { access: 'public', rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: 60_000 } },
    schema: {
      tags: ['session'],
      summary: 'Sign in with email and password; sets the session cookie',
      description:
        'After 5 failed attempts in a row for one email, attempts for it are refused (429 with Retry-After) for a minute, doubling with each further failure up to an hour; a correct password once the wait is over clears it. Many failures from one address are refused the same way, and attempts per minute per address are limited (BATON_LOGIN_RATE_LIMIT). Refused attempts are recorded in the audit log.',
      body: z.object({
        email: z.string().trim().min(1).max(320),
        password: z.string().min(1).max(1000),
        workspace: z
          .string()
          .trim()
          .max(40)
          .optional()
          .describe('Slug of the workspace to open; the first one otherwise'),
      }),
      response: { 204: z.null(), 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
    },
    handler: async (request, reply) => {
      // A refusal's count and audit entry commit with the transaction; the refusal is answered after.
      const outcome = await db.transaction().execute((trx) =>
        attemptLogin(trx, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
          ttlHours: config.sessionTtlHours,
        }),
      );
      if (!outcome.ok) throw outcome.error;
      const { token } = outcome;
      reply.setCookie(SESSION_COOKIE, token, { ...sessionCookie, maxAge: config.sessionTtlHours * 3600 });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/session', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['session'],
      summary: 'Who is signed in, in which workspace, with which permissions, and the CSRF token for writes',
      response: { 200: sessionSchema, 401: problemSchema },
    },
    handler: async (request) => describe(principalOf(request)),
  });

  r.delete('/api/v1/session', {
    config: { access: 'signed_in' },
    schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null(), ...errorResponses } },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind === 'user') await logout(db, principal.sessionId);
      reply.clearCookie(SESSION_COOKIE, sessionCookie);
      return reply.status(204).send(null);
    },
  });

  r.put('/api/v1/session/workspace', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['session'],
      summary: 'Switch the session to another workspace you belong to',
      body: z.object({
        workspaceId: externalId(z.string().min(1), 'another workspace of the signed-in user, who must belong to it'),
      }),
      response: { 200: sessionSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      await switchWorkspace(db, principal, request.body.workspaceId);
      if (principal.kind !== 'user') return describe(principal);
      const member = await getMember(db, request.body.workspaceId, principal.userId);
      return describe({
        ...principal,
        workspaceId: request.body.workspaceId,
        role: member.role,
        partnerId: member.partnerId,
      });
    },
  });
}
