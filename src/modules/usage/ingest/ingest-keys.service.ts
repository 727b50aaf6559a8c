/** The workspace an ingest key sends for: each key verified once every few seconds, not on every request. */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { principalFromApiKey } from '../../../platform/auth/api-key.service.ts';
import { can, type Principal } from '../../../platform/auth/principal.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { basicAuthUser } from './usage-event.ts';

/** A verified key is trusted for this long before it is checked again (a revoked key stops within it). */
const KEY_CACHE_MS = 10_000;
const KEY_CACHE_SIZE = 1000;

/** Verifies presented ingest keys (Segment's write key, PostHog's `api_key`), keeping each answer for 10 s. */
export function ingestKeys(db: Kysely<Database>): (presented: string | null) => Promise<Principal> {
  const keys = new Map<string, { principal: Principal; until: number }>();
  return async (presented) => {
    if (!presented)
      throw new AppError(
        'unauthenticated',
        'present an ingest API key as the write key (Basic auth user name) or api_key',
      );
    const now = Date.now();
    const cached = keys.get(presented);
    if (cached && cached.until > now) return cached.principal;
    const principal = await principalFromApiKey(db, presented.trim());
    if (!principal) throw new AppError('unauthenticated', 'the API key is unknown or revoked');
    if (!can(principal, 'ingest:write'))
      throw new AppError('forbidden', 'this API key may not send usage data (needs scope ingest)');
    if (keys.size >= KEY_CACHE_SIZE) keys.clear();
    keys.set(presented, { principal, until: now + KEY_CACHE_MS });
    return principal;
  };
}
/** The ingest key a request presents: Basic auth's user name (as Segment's write key), or a Bearer token. */
export const presentedKey = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization;
  const basic = basicAuthUser(header);
  if (basic) return basic;
  const [kind, value] = (header ?? '').split(' ', 2);
  return kind?.toLowerCase() === 'bearer' && value ? value : null;
};
