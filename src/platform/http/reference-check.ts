import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { z } from 'zod';
import type { Scope } from '../auth/principal.ts';
import { scopeOf } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { AppError, type FieldError } from '../errors/app-error.ts';
import { type RefKind, referencesOf, valuesAt } from './references.ts';

/** Which of some ids name records of one kind that a scope sees (its workspace, and a partner user's firm). */
export type ReferenceResolver = (db: Db, scope: Scope, ids: string[]) => Promise<Iterable<string>>;
/** A kind of record a write may name: how errors call it, and the lookup of which ids the scope sees. */
export interface ReferenceDeclaration {
  label: string;
  ids: ReferenceResolver;
}
export type ReferenceResolvers = ReadonlyMap<string, ReferenceDeclaration>;

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A write route with a body schema, as the foreign-id checks see it. */
export interface WriteRoute {
  method: string;
  url: string;
  body: z.ZodType;
  references: Array<{ path: string[]; kind: RefKind }>;
}

/**
 * The one check of the ids a write's body names: after validation and before the route runs, every field
 * annotated with `refId(kind)` must name a record of that kind the caller's scope sees. A foreign or unknown
 * id answers 400 naming each such field (`body.partnerId`), and the route, so every write, never runs.
 */
export function installReferenceChecks(
  app: FastifyInstance,
  db: Db,
  resolvers: ReferenceResolvers,
  table: WriteRoute[],
): void {
  const byRoute = new Map<string, WriteRoute>();
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/v1')) return;
    const body = route.schema?.body as z.ZodType | undefined;
    if (!body) return;
    for (const method of [route.method].flat()) {
      if (!WRITES.has(method)) continue;
      const entry: WriteRoute = { method, url: route.url, body, references: referencesOf(body) };
      table.push(entry);
      byRoute.set(`${method} ${route.url}`, entry);
    }
  });
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const entry = byRoute.get(`${request.method} ${request.routeOptions.url}`);
    if (!entry || entry.references.length === 0) return;
    if (!request.principal) throw new AppError('unauthenticated', 'sign in or present an API key');
    const errors = await unknownReferences(db, resolvers, scopeOf(request.principal), entry.references, request.body);
    if (errors.length > 0) {
      throw new AppError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
        fieldErrors: errors,
      });
    }
  });
}

const refusal = (kind: RefKind, label: string, scope: Scope): string => {
  const firm = scope.partnerId ? ' for your partner firm' : '';
  return kind === 'user' ? `is not a member of this workspace${firm}` : `no such ${label} in this workspace${firm}`;
};

/** The fields of a body whose ids name no record the scope sees, each named as `body.<path>`. */
export async function unknownReferences(
  db: Db,
  resolvers: ReferenceResolvers,
  scope: Scope,
  refs: Array<{ path: string[]; kind: RefKind }>,
  body: unknown,
): Promise<FieldError[]> {
  const wanted = new Map<RefKind, Array<{ field: string; id: string }>>();
  for (const ref of refs) {
    for (const { field, value } of valuesAt(body, ref.path)) {
      if (typeof value !== 'string') continue;
      const list = wanted.get(ref.kind) ?? [];
      list.push({ field: field ? `body.${field}` : 'body', id: value });
      wanted.set(ref.kind, list);
    }
  }
  const errors: FieldError[] = [];
  for (const [kind, uses] of wanted) {
    const declared = resolvers.get(kind);
    if (!declared) throw new Error(`no module declares the record kind ${kind}`);
    const known = new Set(await declared.ids(db, scope, [...new Set(uses.map((u) => u.id))]));
    for (const use of uses) {
      if (!known.has(use.id)) errors.push({ field: use.field, message: refusal(kind, declared.label, scope) });
    }
  }
  return errors;
}
