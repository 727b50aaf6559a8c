import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { nowIso } from '../../../platform/ids.ts';
import { type SecretBox, sealedWith } from '../../../platform/secrets/secret-box.ts';
import {
  readSetting,
  replaceSetting,
  selectSettingRows,
  writeSetting,
} from '../../../platform/settings/settings.service.ts';
import { webhookSecretsSetting } from './webhook.settings.ts';
import {
  HUBSPOT,
  type Integration,
  MIN_SECRET_LENGTH,
  secretState,
  sourceNameProblem,
  type WebhookDelivery,
  webhookPath,
} from './webhook.ts';
import * as store from './webhook.store.ts';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** What a source's secret is sealed to: a sealed secret opens only where it was set. */
const sealContext = (workspaceId: string, source: string) => `webhook-secret:${workspaceId}:${source}`;

/** The secret a source's webhook is signed with, or undefined when none is set. For signature checks only. */
export async function webhookSecret(
  db: Db,
  box: SecretBox,
  workspaceId: string,
  source: string,
): Promise<string | undefined> {
  const secrets = await readSetting(db, workspaceId, webhookSecretsSetting);
  const stored = Object.hasOwn(secrets, source) ? secrets[source] : undefined;
  return stored && box.open(stored.secret, sealContext(workspaceId, source));
}

/**
 * The stored webhook secrets as this instance finds them at start, in one walk over every workspace: those still in
 * plain text (set before Baton sealed them) are sealed, unaudited as nothing a person set changes; those sealed
 * with another key than this instance's (an instance of the same database set up apart) are counted by key id.
 */
export async function upkeepWebhookSecrets(
  db: Db,
  box: SecretBox,
): Promise<{ sealed: number; sealedElsewhere: Map<string, number> }> {
  let sealed = 0;
  const sealedElsewhere = new Map<string, number>();
  for (const { workspace_id: workspaceId } of await selectSettingRows(db, webhookSecretsSetting.key)) {
    const secrets = await readSetting(db, workspaceId, webhookSecretsSetting);
    const next = { ...secrets };
    let changed = false;
    for (const [source, s] of Object.entries(secrets)) {
      const keyId = sealedWith(s.secret);
      if (keyId === undefined) {
        next[source] = {
          ...s,
          secret: box.seal(s.secret, sealContext(workspaceId, source)),
          last4: s.secret.slice(-4),
        };
        changed = true;
        sealed += 1;
      } else if (keyId !== box.keyId) sealedElsewhere.set(keyId, (sealedElsewhere.get(keyId) ?? 0) + 1);
    }
    if (changed) await replaceSetting(db, workspaceId, webhookSecretsSetting, next);
  }
  return { sealed, sealedElsewhere };
}

/** The keys sealing the stored webhook secrets, by key id, with how many each seals; `plain` counts those an earlier version kept unsealed. */
export async function webhookSecretKeys(db: Db): Promise<Map<string, number>> {
  const keys = new Map<string, number>();
  for (const { workspace_id: workspaceId } of await selectSettingRows(db, webhookSecretsSetting.key)) {
    for (const s of Object.values(await readSetting(db, workspaceId, webhookSecretsSetting))) {
      const keyId = sealedWith(s.secret) ?? 'plain';
      keys.set(keyId, (keys.get(keyId) ?? 0) + 1);
    }
  }
  return keys;
}

/** Checks a source name for the integrations API: `hubspot`, or a generic CRM's name. */
export function checkSource(source: string): string {
  const name = source.trim().toLowerCase();
  if (name === HUBSPOT) return name;
  const problem = sourceNameProblem(name);
  if (problem) throw AppError.validation('body.source', problem);
  return name;
}

/**
 * Sets, replaces (`secret` a string) or removes (`null`) a source's webhook secret. Audited as a setting
 * change that records who set which source's secret and when, never the secret.
 */
export async function setWebhookSecret(
  db: Db,
  box: SecretBox,
  actor: Actor,
  workspaceId: string,
  input: { source: string; secret: string | null },
): Promise<void> {
  const source = checkSource(input.source);
  const secrets = { ...(await readSetting(db, workspaceId, webhookSecretsSetting)) };
  if (input.secret === null) {
    if (!Object.hasOwn(secrets, source)) throw AppError.notFound(`a webhook secret for ${source}`);
    delete secrets[source];
  } else {
    const secret = input.secret.trim();
    if (secret.length < MIN_SECRET_LENGTH)
      throw AppError.validation('body.secret', `must be at least ${MIN_SECRET_LENGTH} characters`);
    if (secret.length > 500) throw AppError.validation('body.secret', 'must be at most 500 characters');
    secrets[source] = {
      secret: box.seal(secret, sealContext(workspaceId, source)),
      last4: secret.slice(-4),
      setAt: nowIso(),
      setBy: actor.label,
    };
  }
  await writeSetting(db, actor, workspaceId, webhookSecretsSetting, secrets);
}

/** HubSpot, then every generic source with a secret or with traffic, with secret state and last-7-days counts. */
export async function listIntegrations(
  db: Db,
  workspace: { id: string; slug: string },
  now = Date.now(),
): Promise<Integration[]> {
  const secrets = await readSetting(db, workspace.id, webhookSecretsSetting);
  const since = new Date(now - WEEK_MS).toISOString();
  const stats = await store.eventStats(db, workspace.id, since);
  const rejected = await store.rejectedDeliveries(db, workspace.id, since);
  const sources = [...new Set([...Object.keys(secrets), ...stats.last.map((r) => r.source)])]
    .filter((s) => s !== HUBSPOT)
    .sort();
  return [HUBSPOT, ...sources].map((source) => {
    const count = (outcome: string) => stats.recent.find((r) => r.source === source && r.outcome === outcome)?.n ?? 0;
    return {
      source,
      kind: source === HUBSPOT ? 'hubspot' : 'generic',
      webhookPath: webhookPath(source, workspace.slug),
      secret: secretState(Object.hasOwn(secrets, source) ? secrets[source] : undefined),
      lastEventAt: (stats.last.find((r) => r.source === source)?.last as string | null | undefined) ?? null,
      last7Days: {
        applied: count('applied'),
        ignored: count('ignored'),
        rejected: rejected.find((r) => r.source === source)?.n ?? 0,
      },
    };
  });
}

const toDelivery = (r: store.DeliveryRow): WebhookDelivery => ({
  id: r.id,
  source: r.source,
  receivedAt: r.received_at,
  requestId: r.request_id,
  status: r.status as WebhookDelivery['status'],
  received: r.received,
  applied: r.applied,
  duplicates: r.duplicates,
  ignored: r.ignored,
  detail: r.detail,
});

/** Webhook deliveries, newest first; `cursor` is the id of the last delivery of the previous page. */
export async function listDeliveries(
  db: Db,
  workspaceId: string,
  opts: { source?: string; cursor?: string; limit: number },
): Promise<{ items: WebhookDelivery[]; nextCursor: string | null }> {
  const rows = await store.selectDeliveries(db, workspaceId, {
    source: opts.source,
    beforeId: opts.cursor,
    limit: opts.limit + 1,
  });
  const items = rows.slice(0, opts.limit).map(toDelivery);
  return { items, nextCursor: rows.length > opts.limit ? (items.at(-1)?.id ?? null) : null };
}
