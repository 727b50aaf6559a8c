import type { FastifyInstance } from 'fastify';
import { sha256 } from '../auth/tokens.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { nowIso } from '../ids.ts';

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on creating POSTs (routes with `config.idempotent`): the first successful answer is
 * kept for 24 hours, and a retry with the same key and body gets that answer again instead of a second
 * record. The same key with a different body is a conflict.
 */
export function installIdempotency(app: FastifyInstance, db: Db): void {
  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config?.idempotent) return;
    const key = request.headers['idempotency-key'];
    if (key === undefined || !request.principal) return;
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw AppError.validation('header.idempotency-key', 'use 1–200 visible ASCII characters');
    }
    const fingerprint = sha256(`${request.method} ${request.url} ${JSON.stringify(request.body ?? null)}`);
    const seen = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('workspace_id', '=', request.principal.workspaceId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        throw new AppError('conflict', 'this Idempotency-Key was already used for a different request');
      }
      return reply
        .status(seen.status_code)
        .header('idempotent-replayed', 'true')
        .type('application/json')
        .send(seen.response_body);
    }
    (request as { idempotency?: { key: string; fingerprint: string } }).idempotency = { key, fingerprint };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const pending = (request as { idempotency?: { key: string; fingerprint: string } }).idempotency;
    if (!pending || !request.principal || reply.statusCode >= 300 || typeof payload !== 'string') return payload;
    await db
      .insertInto('idempotency_keys')
      .values({
        workspace_id: request.principal.workspaceId,
        key: pending.key,
        fingerprint: pending.fingerprint,
        status_code: reply.statusCode,
        response_body: payload,
        created_at: nowIso(),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return payload;
  });
}

export async function purgeIdempotencyKeys(db: Db, olderThanHours = 24): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanHours * 3_600_000).toISOString();
  const r = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}
