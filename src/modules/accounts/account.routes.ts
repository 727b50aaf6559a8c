import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.ts';
import { actorOf, scopeOf } from '../../platform/auth/principal.ts';
import { principalOf } from '../../platform/http/auth.hook.ts';
import { errorResponses, idParams, isoDate, page, pageQuery, problemSchema } from '../../platform/http/schemas.ts';
import { refId } from '../../platform/http/references.ts';
import { accountVersion, CONTACT_ROLES, LIFECYCLE_PHASES, REGIONS, SEGMENTS } from './account.ts';
import { accountSchema } from './account.schemas.ts';
import {
  addContact,
  createAccount,
  listAccounts,
  listContacts,
  readAccount,
  updateAccount,
} from './account.service.ts';

const contactSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  role: z.enum(CONTACT_ROLES),
  lastTouchAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const accountInput = z.object({
  name: z.string().trim().min(1).max(200),
  domain: z.string().trim().max(253).nullable().optional(),
  segment: z.enum(SEGMENTS),
  industry: z.string().trim().max(100).nullable().optional(),
  region: z.enum(REGIONS).nullable().optional(),
  country: z.string().trim().length(2, 'use the ISO 3166 two-letter code').nullable().optional(),
  lifecyclePhase: z.enum(LIFECYCLE_PHASES).optional(),
  renewalDate: isoDate.nullable().optional(),
  aeUserId: refId('user', 'The account executive; a member of the workspace').nullable().optional(),
  deliveryLeadUserId: refId('user', 'The delivery lead; a member of the workspace').nullable().optional(),
  csmUserId: refId('user', 'The customer success manager; a member of the workspace').nullable().optional(),
  accountManagerUserId: refId('user', 'The account manager; a member of the workspace').nullable().optional(),
  partnerId: refId('partner', 'The partner firm working this account').nullable().optional(),
});

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, caps } = ctx;

  r.get('/api/v1/accounts', {
    config: { access: 'accounts:read' },
    schema: {
      tags: ['accounts'],
      summary: 'Customer accounts, by name; partner users see only their firm’s',
      querystring: pageQuery.extend({
        q: z.string().trim().max(200).optional().describe('Part of the name'),
        segment: z.enum(SEGMENTS).optional(),
        lifecyclePhase: z.enum(LIFECYCLE_PHASES).optional(),
        region: z.enum(REGIONS).optional(),
        owner: z.string().max(100).optional().describe('User id in any owner role'),
      }),
      response: { 200: page(accountSchema).extend({ total: z.number() }), ...errorResponses },
    },
    handler: async (request) => {
      const { owner, ...rest } = request.query;
      return listAccounts(db, caps, scopeOf(principalOf(request)), { ...rest, ownerUserId: owner });
    },
  });

  r.get('/api/v1/accounts/:id', {
    config: { access: 'accounts:read' },
    schema: {
      tags: ['accounts'],
      summary: 'One account with its stakeholders; the ETag header is its version for If-Match',
      params: idParams,
      response: { 200: accountSchema.extend({ contacts: z.array(contactSchema) }), ...errorResponses },
    },
    handler: async (request, reply) => {
      const scope = scopeOf(principalOf(request));
      const account = await readAccount(db, scope, request.params.id);
      reply.header('etag', accountVersion(account));
      return { ...account, contacts: await listContacts(db, scope, account.id) };
    },
  });

  r.post('/api/v1/accounts', {
    config: { access: 'accounts:write', idempotent: true },
    schema: {
      tags: ['accounts'],
      summary: 'Create an account',
      body: accountInput,
      response: { 201: accountSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const account = await db
        .transaction()
        .execute((trx) => createAccount(trx, actorOf(principal, request.id), scopeOf(principal), request.body));
      return reply.status(201).header('etag', accountVersion(account)).send(account);
    },
  });

  r.patch('/api/v1/accounts/:id', {
    config: { access: 'accounts:write' },
    schema: {
      tags: ['accounts'],
      summary: 'Change an account; send If-Match with its ETag to refuse overwriting someone else’s change',
      params: idParams,
      body: accountInput.partial(),
      response: { 200: accountSchema, ...errorResponses, 412: problemSchema },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const ifMatch = request.headers['if-match'];
      const account = await db
        .transaction()
        .execute((trx) =>
          updateAccount(
            trx,
            actorOf(principal, request.id),
            scopeOf(principal),
            request.params.id,
            request.body,
            ifMatch,
          ),
        );
      return reply.header('etag', accountVersion(account)).send(account);
    },
  });

  r.post('/api/v1/accounts/:id/contacts', {
    config: { access: 'accounts:write', idempotent: true },
    schema: {
      tags: ['accounts'],
      summary: 'Add a stakeholder to an account',
      params: idParams,
      body: z.object({
        name: z.string().trim().min(1).max(200),
        email: z.email().nullable().optional(),
        title: z.string().trim().max(200).nullable().optional(),
        role: z.enum(CONTACT_ROLES),
        lastTouchAt: z.iso.datetime().nullable().optional(),
      }),
      response: { 201: contactSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const principal = principalOf(request);
      const contact = await db
        .transaction()
        .execute((trx) =>
          addContact(trx, actorOf(principal, request.id), scopeOf(principal), request.params.id, request.body),
        );
      return reply.status(201).send(contact);
    },
  });
}
