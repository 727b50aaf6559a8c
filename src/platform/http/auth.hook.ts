import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { principalFromApiKey } from '../auth/api-key.service.ts';
import type { Access } from '../auth/permissions.ts';
import { can, type Principal } from '../auth/principal.ts';
import { SESSION_COOKIE, principalFromSession } from '../auth/session.service.ts';
import { safeEqual } from '../auth/tokens.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A route as the role × route matrix sees it. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
}

async function resolvePrincipal(
  db: Db,
  request: FastifyRequest,
): Promise<{ principal?: Principal; viaCookie: boolean }> {
  const header = request.headers.authorization;
  if (header) {
    const [kind, value] = header.split(' ', 2);
    if (kind?.toLowerCase() !== 'bearer' || !value) {
      throw new AppError('unauthenticated', 'the Authorization header must be "Bearer <api key>"');
    }
    const principal = await principalFromApiKey(db, value.trim());
    if (!principal) throw new AppError('unauthenticated', 'the API key is unknown or revoked');
    return { principal, viaCookie: false };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token) return { principal: await principalFromSession(db, token), viaCookie: true };
  return { viaCookie: false };
}

/**
 * Authenticates every API request and checks its route's access rule. Routes under /api/v1 that do not
 * declare `config.access` fail at start-up, so no route is ever open by accident.
 */
export function installAuth(app: FastifyInstance, db: Db, routeTable: RouteEntry[]): void {
  app.decorateRequest('principal', undefined);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} does not declare config.access`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
    }
  });
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || !request.routeOptions.url?.startsWith('/api/v1')) return;
    const { principal, viaCookie } = await resolvePrincipal(db, request);
    request.principal = principal;
    if (access === 'public') return;
    if (!principal) throw new AppError('unauthenticated', 'sign in or present an API key');
    if (viaCookie && principal.kind === 'user' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, principal.csrfToken)) {
        throw new AppError('forbidden', 'the X-CSRF-Token header is missing or wrong; reload the page');
      }
    }
    if (!can(principal, access)) throw new AppError('forbidden', `your role may not do this (needs ${access})`);
  });
}

/** The principal of a route that requires one (the auth hook has already checked it). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'sign in or present an API key');
  return request.principal;
}
