import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { ROLES } from '../auth/permissions.ts';
import { actorOf } from '../auth/principal.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { AppError } from '../errors/app-error.ts';
import { principalOf } from '../http/auth.hook.ts';
import { errorResponses, idParams, problemSchema } from '../http/schemas.ts';
import {
  acceptInvitation,
  declineInvitation,
  invitationsFor,
  listInvitations,
  previewInvitation,
  redeemInvitation,
  revokeInvitation,
} from './invitation.service.ts';
import { previewPasswordLink, redeemPasswordLink } from './login.service.ts';

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  invitedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
});

const myInvitationSchema = z.object({
  id: z.string(),
  workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  role: z.enum(ROLES),
  invitedBy: z.string(),
  expiresAt: z.string(),
});

const tokenBody = z.object({ token: z.string().min(1).max(200) });
const newPassword = z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(1000);
/** A new password (10+ characters), or an existing login's own. */
const anyPassword = z.string().min(1).max(1000);

/** Where links point: BATON_PUBLIC_URL, else the address this request came to. */
export const originOf = (request: FastifyRequest, ctx: AppContext): string =>
  ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;

/** The signed-in person; an API key is nobody's login, so no invitation is ever its. */
function personOf(request: FastifyRequest): { id: string; email: string } {
  const principal = principalOf(request);
  if (principal.kind !== 'user') throw AppError.notFound('invitation');
  return { id: principal.userId, email: principal.email };
}

export function invitationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx;
  // The public link routes hash a password: limited like signing in.
  const linkLimit = { max: config.loginRateLimitPerMinute, timeWindow: 60_000 };

  r.get('/api/v1/invitations', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['users'],
      summary: 'Invitations of the workspace not yet accepted (expired ones marked)',
      response: { 200: z.object({ items: z.array(invitationSchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listInvitations(db, principalOf(request).workspaceId) }),
  });

  r.delete('/api/v1/invitations/:id', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['users'],
      summary: 'Withdraw an invitation (its link stops working)',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      await db
        .transaction()
        .execute((trx) =>
          revokeInvitation(trx, actorOf(principal, request.id), principal.workspaceId, request.params.id),
        );
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/invitations/mine', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['session'],
      summary: 'Invitations waiting for the signed-in person, from any workspace (none for an API key)',
      response: { 200: z.object({ items: z.array(myInvitationSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return { items: principal.kind === 'user' ? await invitationsFor(db, principal.email) : [] };
    },
  });

  r.post('/api/v1/invitations/:id/accept', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['session'],
      summary: 'Accept an invitation to your email: you become a member of its workspace with its role',
      params: idParams,
      response: { 200: z.object({ workspaceId: z.string() }), ...errorResponses },
    },
    handler: async (request) => {
      const person = personOf(request);
      return db.transaction().execute((trx) => acceptInvitation(trx, person, request.params.id));
    },
  });

  r.post('/api/v1/invitations/:id/decline', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['session'],
      summary: 'Decline an invitation to your email',
      params: idParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      const person = personOf(request);
      await db.transaction().execute((trx) => declineInvitation(trx, person, request.params.id));
      return reply.status(204).send(null);
    },
  });

  r.post('/api/v1/invitation-links/preview', {
    config: { access: 'public', rateLimit: linkLimit },
    schema: {
      tags: ['session'],
      summary:
        'What an invitation link offers: workspace, email and role (the token travels in the body, never the URL)',
      body: tokenBody,
      response: {
        200: z.object({
          id: z.string(),
          workspace: z.object({ slug: z.string(), name: z.string() }),
          email: z.string(),
          name: z.string().nullable(),
          role: z.enum(ROLES),
          expiresAt: z.string(),
        }),
        400: problemSchema,
        403: problemSchema,
        404: problemSchema,
        429: problemSchema,
      },
    },
    handler: async (request) => previewInvitation(db, request.body.token),
  });

  r.post('/api/v1/invitation-links/redeem', {
    config: { access: 'public', rateLimit: linkLimit },
    schema: {
      tags: ['session'],
      summary:
        'Join through an invitation link: new to Baton, with the name and password you choose; with a login, with its password',
      description:
        'For an email without a login, the login is made with this password and name. For an email with a login, the password must be that login’s (checked and throttled like signing in); a wrong one answers 409. Then sign in with POST /api/v1/session.',
      body: tokenBody.extend({ password: anyPassword, name: z.string().trim().min(1).max(200).optional() }),
      response: {
        200: z.object({ email: z.string(), workspace: z.string() }),
        400: problemSchema,
        403: problemSchema,
        404: problemSchema,
        409: problemSchema,
        429: problemSchema,
      },
    },
    handler: async (request) => {
      const { password, name, token } = request.body;
      // A refused password's count and audit entry commit; the refusal is answered after.
      const joined = await db
        .transaction()
        .execute((trx) =>
          redeemInvitation(trx, token, { password, name, ip: request.ip, userAgent: request.headers['user-agent'] }),
        );
      if (!joined.ok) throw joined.error;
      return { email: joined.email, workspace: joined.workspaceSlug };
    },
  });

  r.post('/api/v1/password-links/preview', {
    config: { access: 'public', rateLimit: linkLimit },
    schema: {
      tags: ['session'],
      summary: 'Whose password a set-password link sets (the token travels in the body, never the URL)',
      body: tokenBody,
      response: {
        200: z.object({ email: z.string(), name: z.string(), expiresAt: z.string() }),
        400: problemSchema,
        403: problemSchema,
        404: problemSchema,
        429: problemSchema,
      },
    },
    handler: async (request) => previewPasswordLink(db, request.body.token),
  });

  r.post('/api/v1/password-links/redeem', {
    config: { access: 'public', rateLimit: linkLimit },
    schema: {
      tags: ['session'],
      summary: 'Set your password through a single-use link; every open session of yours ends',
      body: tokenBody.extend({ password: newPassword }),
      response: {
        200: z.object({ email: z.string() }),
        400: problemSchema,
        403: problemSchema,
        404: problemSchema,
        429: problemSchema,
      },
    },
    handler: async (request) => {
      const me = await db
        .transaction()
        .execute((trx) => redeemPasswordLink(trx, request.body.token, request.body.password));
      return { email: me.email };
    },
  });
}
