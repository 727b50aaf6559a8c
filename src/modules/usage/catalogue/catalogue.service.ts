/** Use cases of the feature catalogue and account plans. Writes are audited; the caller owns the transaction. */
import { getAccount } from '../../accounts/index.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { nowIso } from '../../../platform/ids.ts';
import { type Catalogue, catalogueOf, cleanList, eventConflicts, type Feature } from './catalogue.ts';
import * as store from './catalogue.store.ts';

export interface FeatureInput {
  name: string;
  plans: string[];
  events: string[];
}

/** The whole catalogue of a workspace: features sorted by key, each with its events. */
export async function listFeatures(db: Db, workspaceId: string): Promise<Feature[]> {
  const events = new Map<string, string[]>();
  for (const e of await store.selectFeatureEvents(db, workspaceId))
    events.set(e.feature_key, [...(events.get(e.feature_key) ?? []), e.event]);
  return (await store.selectFeatures(db, workspaceId)).map((r) => ({
    key: r.key,
    name: r.name,
    plans: JSON.parse(r.plans) as string[],
    events: events.get(r.key) ?? [],
  }));
}

/** The catalogue as the adoption numbers, the release report and the signals read it. */
export const loadCatalogue = async (db: Db, workspaceId: string): Promise<Catalogue> =>
  catalogueOf(await listFeatures(db, workspaceId));

async function getFeature(db: Db, workspaceId: string, key: string): Promise<Feature> {
  const found = (await listFeatures(db, workspaceId)).find((f) => f.key === key);
  if (!found) throw AppError.notFound('feature');
  return found;
}

async function assertEvents(db: Db, workspaceId: string, key: string, events: string[]): Promise<void> {
  const conflicts = eventConflicts(await loadCatalogue(db, workspaceId), key, events);
  if (conflicts.length === 0) return;
  const fieldErrors = conflicts.map((c) => ({
    field: `body.events.${c.index}`,
    message: `${c.event} is already usage of feature ${c.owner}`,
  }));
  throw new AppError('validation', fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; '), { fieldErrors });
}

export async function createFeature(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: FeatureInput & { key: string },
): Promise<Feature> {
  const key = input.key.trim();
  if (await store.findFeature(db, workspaceId, key))
    throw new AppError('conflict', `a feature with key ${key} already exists`, {
      fieldErrors: [{ field: 'body.key', message: 'already exists' }],
    });
  const feature: Feature = {
    key,
    name: input.name.trim(),
    plans: cleanList(input.plans),
    events: cleanList(input.events),
  };
  await assertEvents(db, workspaceId, key, feature.events);
  const now = nowIso();
  await store.insertFeature(db, {
    workspace_id: workspaceId,
    key,
    name: feature.name,
    plans: JSON.stringify(feature.plans),
    created_at: now,
    updated_at: now,
  });
  await store.replaceFeatureEvents(db, workspaceId, key, feature.events);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'usage.feature_created',
    entityType: 'usage_feature',
    entityId: key,
    after: feature,
  });
  return feature;
}

export async function updateFeature(
  db: Db,
  actor: Actor,
  workspaceId: string,
  key: string,
  patch: Partial<FeatureInput>,
): Promise<Feature> {
  const before = await getFeature(db, workspaceId, key);
  const after: Feature = {
    key,
    name: patch.name?.trim() ?? before.name,
    plans: patch.plans ? cleanList(patch.plans) : before.plans,
    events: patch.events ? cleanList(patch.events) : before.events,
  };
  await assertEvents(db, workspaceId, key, after.events);
  await store.updateFeature(db, workspaceId, key, {
    name: after.name,
    plans: JSON.stringify(after.plans),
    updated_at: nowIso(),
  });
  await store.replaceFeatureEvents(db, workspaceId, key, after.events);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'usage.feature_updated',
    entityType: 'usage_feature',
    entityId: key,
    before,
    after,
  });
  return after;
}

export async function deleteFeature(db: Db, actor: Actor, workspaceId: string, key: string): Promise<void> {
  const before = await getFeature(db, workspaceId, key);
  await store.replaceFeatureEvents(db, workspaceId, key, []);
  await store.deleteFeature(db, workspaceId, key);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'usage.feature_deleted',
    entityType: 'usage_feature',
    entityId: key,
    before,
  });
}

/** Plans of the accounts that have one, by account id. */
export const accountPlans = async (db: Db, workspaceId: string): Promise<Map<string, string>> =>
  new Map((await store.selectPlans(db, workspaceId)).map((p) => [p.account_id, p.plan]));

export const accountPlan = async (db: Db, workspaceId: string, accountId: string): Promise<string | null> =>
  (await store.findPlan(db, workspaceId, accountId))?.plan ?? null;

/** Sets (or, with null, clears) the plan an account is on, audited. */
export async function setPlan(
  db: Db,
  actor: Actor,
  scope: Scope,
  accountId: string,
  plan: string | null,
): Promise<{ accountId: string; plan: string | null }> {
  await getAccount(db, scope, accountId);
  const before = await accountPlan(db, scope.workspaceId, accountId);
  const clean = plan?.trim() || null;
  if (clean === null) await store.deletePlan(db, scope.workspaceId, accountId);
  else
    await store.upsertPlan(db, {
      workspace_id: scope.workspaceId,
      account_id: accountId,
      plan: clean,
      updated_at: nowIso(),
    });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'usage.plan_set',
    entityType: 'account',
    entityId: accountId,
    before: { plan: before },
    after: { plan: clean },
  });
  return { accountId, plan: clean };
}
