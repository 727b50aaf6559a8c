/** Use cases of product releases and the release-underuse report. Writes are audited; the caller owns the transaction. */
import { accountNamesById } from '../../accounts/index.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { cleanList, featureOfEvent } from '../catalogue/catalogue.ts';
import { accountPlans, loadCatalogue } from '../catalogue/catalogue.service.ts';
import { type Release, type UnderuseRow, type UnderuseThresholds, underuseReport } from './release.ts';
import * as store from './release.store.ts';

export interface ReleaseInput {
  name: string;
  version?: string | null;
  releasedOn: string;
  notes?: string | null;
  plans?: string[] | null;
  features: string[];
}

const toRelease = (r: store.ReleaseRow, features: string[]): Release => ({
  id: r.id,
  name: r.name,
  version: r.version,
  releasedOn: r.released_on,
  notes: r.notes,
  plans: r.plans === null ? null : (JSON.parse(r.plans) as string[]),
  features,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Every release of a workspace, newest first, each with its features. */
export async function listReleases(db: Db, workspaceId: string): Promise<Release[]> {
  const features = new Map<string, string[]>();
  for (const f of await store.selectReleaseFeatures(db, workspaceId))
    features.set(f.release_id, [...(features.get(f.release_id) ?? []), f.feature_key]);
  return (await store.selectReleases(db, workspaceId)).map((r) => toRelease(r, features.get(r.id) ?? []));
}

export async function getRelease(db: Db, workspaceId: string, id: string): Promise<Release> {
  const row = await store.findRelease(db, workspaceId, id);
  if (!row) throw AppError.notFound('release');
  return toRelease(
    row,
    (await store.selectReleaseFeatures(db, workspaceId)).filter((f) => f.release_id === id).map((f) => f.feature_key),
  );
}

/** A release introduces catalogue features: each one named must exist. */
async function assertFeatures(db: Db, workspaceId: string, features: readonly string[]): Promise<void> {
  const catalogue = await loadCatalogue(db, workspaceId);
  const fieldErrors = features.flatMap((f, i) =>
    catalogue.features.has(f) ? [] : [{ field: `body.features.${i}`, message: `no feature ${f} in the catalogue` }],
  );
  if (fieldErrors.length)
    throw new AppError('validation', fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; '), { fieldErrors });
}

export async function createRelease(db: Db, actor: Actor, workspaceId: string, input: ReleaseInput): Promise<Release> {
  const features = cleanList(input.features);
  await assertFeatures(db, workspaceId, features);
  const now = nowIso();
  const row = {
    id: newId(),
    workspace_id: workspaceId,
    name: input.name.trim(),
    version: input.version?.trim() || null,
    released_on: input.releasedOn,
    notes: input.notes?.trim() || null,
    plans: input.plans ? JSON.stringify(cleanList(input.plans)) : null,
    created_at: now,
    updated_at: now,
  };
  await store.insertRelease(db, row);
  await store.replaceReleaseFeatures(db, workspaceId, row.id, features);
  const release = toRelease(row, features);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'usage.release_created',
    entityType: 'usage_release',
    entityId: row.id,
    after: release,
  });
  return release;
}

export async function updateRelease(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  patch: Partial<ReleaseInput>,
): Promise<Release> {
  const before = await getRelease(db, workspaceId, id);
  const features = patch.features ? cleanList(patch.features) : before.features;
  if (patch.features) await assertFeatures(db, workspaceId, features);
  const set = {
    name: patch.name?.trim() ?? before.name,
    version: patch.version === undefined ? before.version : patch.version?.trim() || null,
    released_on: patch.releasedOn ?? before.releasedOn,
    notes: patch.notes === undefined ? before.notes : patch.notes?.trim() || null,
    plans:
      patch.plans === undefined
        ? before.plans === null
          ? null
          : JSON.stringify(before.plans)
        : patch.plans === null
          ? null
          : JSON.stringify(cleanList(patch.plans)),
    updated_at: nowIso(),
  };
  await store.updateRelease(db, workspaceId, id, set);
  await store.replaceReleaseFeatures(db, workspaceId, id, features);
  const after = await getRelease(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'usage.release_updated',
    entityType: 'usage_release',
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function deleteRelease(db: Db, actor: Actor, workspaceId: string, id: string): Promise<void> {
  const before = await getRelease(db, workspaceId, id);
  await store.deleteRelease(db, workspaceId, id);
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'usage.release_deleted',
    entityType: 'usage_release',
    entityId: id,
    before,
  });
}

/** The release-underuse report as of a day, over the accounts the scope sees. */
export async function underuse(
  db: Db,
  scope: Scope,
  asOf: string,
  t: UnderuseThresholds,
): Promise<{ asOf: string; thresholds: UnderuseThresholds; items: UnderuseRow[] }> {
  const releases = await listReleases(db, scope.workspaceId);
  const catalogue = await loadCatalogue(db, scope.workspaceId);
  const earliest = releases.reduce<string | null>(
    (min, r) => (min === null || r.releasedOn < min ? r.releasedOn : min),
    null,
  );
  if (earliest === null || earliest > asOf) return { asOf, thresholds: t, items: [] };
  const accounts = [...(await accountNamesById(db, scope)).keys()];
  const lastUse = (await store.selectLastUse(db, scope.workspaceId, accounts, earliest, asOf)).map((r) => ({
    accountId: r.account_id,
    feature: featureOfEvent(catalogue, r.feature),
    lastDay: String(r.last_day),
  }));
  const features = new Map([...catalogue.features].map(([k, f]) => [k, { name: f.name, plans: f.plans }]));
  const items = underuseReport(
    asOf,
    t,
    releases,
    features,
    await accountPlans(db, scope.workspaceId),
    accounts,
    lastUse,
  );
  return { asOf, thresholds: t, items };
}
