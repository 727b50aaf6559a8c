import { recordAudit } from '../audit/audit.service.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { newId, nowIso } from '../ids.ts';
import * as store from './api-key.store.ts';
import type { ApiKeyTable } from './auth.table.ts';
import type { ApiKeyScope } from './permissions.ts';
import type { Actor, Principal } from './principal.ts';
import { isStale, randomToken, safeEqual, sha256 } from './tokens.ts';

export interface ApiKey {
  id: string;
  name: string;
  scope: ApiKeyScope;
  /** The public start of the key, to recognise it in a list: `bk_<prefix>…`. */
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const KEY_PATTERN = /^bk_([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{43})$/;

const toApiKey = (r: ApiKeyTable): ApiKey => ({
  id: r.id,
  name: r.name,
  scope: r.scope as ApiKeyScope,
  prefix: r.prefix,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** Creates a key. The secret is returned once, here, and only its hash is kept. */
export async function createApiKey(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: { name: string; scope: ApiKeyScope },
): Promise<{ apiKey: ApiKey; secret: string }> {
  const name = input.name.trim();
  if (!name) throw AppError.validation('name', 'give the key a name that says what uses it');
  const prefix = randomToken(9); // 12 characters
  const secret = `bk_${prefix}.${randomToken(32)}`;
  const row: ApiKeyTable = {
    id: newId(),
    workspace_id: workspaceId,
    name,
    scope: input.scope,
    prefix,
    key_hash: sha256(secret),
    created_by: actor.label,
    created_at: nowIso(),
    last_used_at: null,
    revoked_at: null,
  };
  await store.insertApiKey(db, row);
  const apiKey = toApiKey(row);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'apikey.create',
    entityType: 'api_key',
    entityId: row.id,
    after: apiKey,
  });
  return { apiKey, secret };
}

export async function listApiKeys(db: Db, workspaceId: string): Promise<ApiKey[]> {
  return (await store.listApiKeyRows(db, workspaceId)).map(toApiKey);
}

export async function revokeApiKey(db: Db, actor: Actor, workspaceId: string, id: string): Promise<ApiKey> {
  const row = await store.findApiKey(db, workspaceId, id);
  if (!row) throw AppError.notFound('API key');
  if (row.revoked_at) return toApiKey(row);
  const at = nowIso();
  await store.revokeApiKeyRow(db, id, at);
  const after = { ...toApiKey(row), revokedAt: at };
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'apikey.revoke',
    entityType: 'api_key',
    entityId: id,
    before: toApiKey(row),
    after,
  });
  return after;
}

/** Resolves a presented key to a principal; undefined for a malformed, unknown or revoked key. */
export async function principalFromApiKey(db: Db, presented: string): Promise<Principal | undefined> {
  const match = KEY_PATTERN.exec(presented);
  if (!match) return undefined;
  const row = await store.findApiKeyByPrefix(db, match[1] as string);
  if (!row || row.revoked_at || !safeEqual(row.key_hash, sha256(presented))) return undefined;
  const now = new Date();
  if (isStale(row.last_used_at, now)) await store.touchApiKey(db, row.id, now.toISOString());
  return {
    kind: 'api_key',
    keyId: row.id,
    name: row.name,
    workspaceId: row.workspace_id,
    scope: row.scope as ApiKeyScope,
    partnerId: null,
  };
}
