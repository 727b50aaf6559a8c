import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { ROLES } from '../auth/permissions.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { principalOf } from '../http/auth.hook.ts';
import { errorResponses, idParams, problemSchema } from '../http/schemas.ts';
import { refId } from '../http/references.ts';
import { inviteMember } from './invitation.service.ts';
import { invitationRoutes, invitationSchema, originOf } from './invitation.routes.ts';
import { invitationUrl } from './links.ts';
import { meRoutes } from './me.routes.ts';
import { listMembers, removeMember, updateMember } from './member.service.ts';
import { createPartner, getWorkspace, listPartners, renameWorkspace } from './workspace.service.ts';

const workspaceSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
  createdAt: z.string(),
});

const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  memberSince: z.string(),
});

const partnerSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });

export function identityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const actor = (request: { id: string; principal?: Principal }) => actorOf(principalOf(request as never), request.id);

  r.get('/api/v1/workspace', {
    config: { access: 'signed_in' },
    schema: {
      tags: ['workspace'],
      summary: 'The current workspace',
      response: { 200: workspaceSchema, ...errorResponses },
    },
    handler: async (request) => getWorkspace(db, principalOf(request).workspaceId),
  });

  r.patch('/api/v1/workspace', {
    config: { access: 'workspace:manage' },
    schema: {
      tags: ['workspace'],
      summary: 'Rename the current workspace',
      body: z.object({ name: z.string().trim().min(1).max(120) }),
      response: { 200: workspaceSchema, ...errorResponses },
    },
    handler: async (request) =>
      db
        .transaction()
        .execute((trx) => renameWorkspace(trx, actor(request), principalOf(request).workspaceId, request.body.name)),
  });

  r.get('/api/v1/users', {
    config: { access: 'users:read' },
    schema: {
      tags: ['users'],
      summary: 'Members of the workspace with their roles',
      response: { 200: z.object({ items: z.array(memberSchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listMembers(db, principalOf(request).workspaceId) }),
  });

  r.post('/api/v1/users', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['users'],
      summary: 'Invite a person to the workspace with a role',
      description:
        'Makes an invitation; the person becomes a member only when they accept it (signed in with their Baton login, ' +
        'or, new to Baton, by choosing a password through the link). The answer is the same whether or not the email ' +
        'has a login. With no mail server, `link` is the single-use invitation link (7 days) to pass on. ' +
        'Inviting the same email again withdraws the earlier link.',
      body: z
        .object({
          email: z.email(),
          name: z
            .string()
            .trim()
            .max(200)
            .optional()
            .describe('Suggested to a new person when they set their password'),
          role: z.enum(ROLES),
          partnerId: refId('partner', 'The partner firm the member works for; null for the company’s own staff')
            .nullable()
            .optional(),
        })
        .strict(),
      response: {
        201: z.object({ invitation: invitationSchema, link: z.string().nullable() }),
        ...errorResponses,
        409: problemSchema,
      },
    },
    handler: async (request, reply) => {
      const { invitation, token } = await db
        .transaction()
        .execute((trx) => inviteMember(trx, actor(request), principalOf(request).workspaceId, request.body));
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({ invitation, link: invitationUrl(originOf(request, ctx), token) });
    },
  });

  r.patch('/api/v1/users/:id', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['users'],
      summary: "Change a member's role or partner firm in this workspace",
      description:
        "A person's login (name, password) is theirs: they change it under My account; the instance operator resets a password from the command line.",
      params: idParams,
      body: z
        .object({
          role: z.enum(ROLES).optional(),
          partnerId: refId('partner', 'The partner firm the member works for; null for the company’s own staff')
            .nullable()
            .optional(),
        })
        .strict(),
      response: { 200: memberSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request) =>
      db
        .transaction()
        .execute((trx) =>
          updateMember(trx, actor(request), principalOf(request).workspaceId, request.params.id, request.body),
        ),
  });

  r.delete('/api/v1/users/:id', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['users'],
      summary: 'Remove a member from the workspace',
      params: idParams,
      response: { 204: z.null(), ...errorResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      await db
        .transaction()
        .execute((trx) => removeMember(trx, actor(request), principalOf(request).workspaceId, request.params.id));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/partners', {
    config: { access: 'users:read' },
    schema: {
      tags: ['users'],
      summary: 'Partner firms of the workspace',
      response: { 200: z.object({ items: z.array(partnerSchema) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listPartners(db, principalOf(request).workspaceId) }),
  });

  r.post('/api/v1/partners', {
    config: { access: 'users:manage', idempotent: true },
    schema: {
      tags: ['users'],
      summary: 'Add a partner firm',
      body: z.object({ name: z.string().trim().min(1).max(200) }),
      response: { 201: partnerSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      const partner = await db
        .transaction()
        .execute((trx) => createPartner(trx, actor(request), principalOf(request).workspaceId, request.body.name));
      return reply.status(201).send(partner);
    },
  });

  invitationRoutes(app, ctx);
  meRoutes(app, ctx);
}
