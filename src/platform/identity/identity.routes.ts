import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import { ROLES } from '../auth/permissions.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { principalOf } from '../http/auth.hook.ts';
import { errorResponses, idParams, problemSchema } from '../http/schemas.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { addMember, listMembers, removeMember, updateMember } from './member.service.ts';
import { createPartner, getWorkspace, listPartners, renameWorkspace } from './workspace.service.ts';

const workspaceSchema = z.object({ id: z.string(), slug: z.string(), name: z.string(), isDemo: z.boolean(), createdAt: z.string() });

const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  role: z.enum(ROLES),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  memberSince: z.string(),
});

const partnerSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });

const password = z.string().min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`).max(1000);

export function identityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const actor = (request: { id: string; principal?: Principal }) => actorOf(principalOf(request as never), request.id);

  r.get('/api/v1/workspace', {
    config: { access: 'signed_in' },
    schema: { tags: ['workspace'], summary: 'The current workspace', response: { 200: workspaceSchema, ...errorResponses } },
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
      db.transaction().execute((trx) => renameWorkspace(trx, actor(request), principalOf(request).workspaceId, request.body.name)),
  });

  r.get('/api/v1/users', {
    config: { access: 'users:read' },
    schema: { tags: ['users'], summary: 'Members of the workspace with their roles', response: { 200: z.object({ items: z.array(memberSchema) }), ...errorResponses } },
    handler: async (request) => ({ items: await listMembers(db, principalOf(request).workspaceId) }),
  });

  r.post('/api/v1/users', {
    config: { access: 'users:manage', idempotent: true },
    schema: {
      tags: ['users'],
      summary: 'Add a person to the workspace with a role (creates their login if they have none)',
      body: z.object({
        email: z.email(),
        name: z.string().trim().max(200).optional(),
        role: z.enum(ROLES),
        password: password.optional(),
        partnerId: z.string().nullable().optional(),
      }),
      response: { 201: memberSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      const member = await db.transaction().execute((trx) => addMember(trx, actor(request), principalOf(request).workspaceId, request.body));
      return reply.status(201).send(member);
    },
  });

  r.patch('/api/v1/users/:id', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['users'],
      summary: "Change a member's role, partner firm, name or password, or disable their login",
      params: idParams,
      body: z.object({
        role: z.enum(ROLES).optional(),
        partnerId: z.string().nullable().optional(),
        name: z.string().trim().min(1).max(200).optional(),
        password: password.optional(),
        disabled: z.boolean().optional(),
      }),
      response: { 200: memberSchema, ...errorResponses, 409: problemSchema },
    },
    handler: async (request) =>
      db.transaction().execute((trx) => updateMember(trx, actor(request), principalOf(request).workspaceId, request.params.id, request.body)),
  });

  r.delete('/api/v1/users/:id', {
    config: { access: 'users:manage' },
    schema: { tags: ['users'], summary: 'Remove a member from the workspace', params: idParams, response: { 204: z.null(), ...errorResponses, 409: problemSchema } },
    handler: async (request, reply) => {
      await db.transaction().execute((trx) => removeMember(trx, actor(request), principalOf(request).workspaceId, request.params.id));
      return reply.status(204).send(null);
    },
  });

  r.get('/api/v1/partners', {
    config: { access: 'users:read' },
    schema: { tags: ['users'], summary: 'Partner firms of the workspace', response: { 200: z.object({ items: z.array(partnerSchema) }), ...errorResponses } },
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
      const partner = await db.transaction().execute((trx) => createPartner(trx, actor(request), principalOf(request).workspaceId, request.body.name));
      return reply.status(201).send(partner);
    },
  });
}
