import { recordAudit } from '../audit/audit.service.ts';
import { composition } from '../modules/composition.ts';
import type { Actor } from '../auth/principal.ts';
import type { Logger } from '../logging/logger.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { newId, nowIso } from '../ids.ts';
import { checkSlug, type Partner, type Workspace } from './identity.ts';
import * as store from './identity.store.ts';

export const toWorkspace = (r: store.WorkspaceRow): Workspace => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  isDemo: Boolean(r.is_demo),
  createdAt: r.created_at,
});

export async function createWorkspace(
  db: Db,
  actor: Actor,
  input: { slug: string; name?: string; isDemo?: boolean },
): Promise<Workspace> {
  const slug = checkSlug(input.slug);
  if (await store.findWorkspaceBySlug(db, slug)) throw new AppError('conflict', `workspace ${slug} already exists`);
  const row = {
    id: newId(),
    slug,
    name: input.name?.trim() || slug,
    is_demo: input.isDemo ? 1 : 0,
    created_at: nowIso(),
  };
  await store.insertWorkspace(db, row);
  const workspace = toWorkspace(row);
  await recordAudit(db, {
    workspaceId: row.id,
    actor,
    action: 'workspace.create',
    entityType: 'workspace',
    entityId: row.id,
    after: workspace,
  });
  // What each module gives a new workspace (delivery: the built-in playbooks, so a first handoff has one to use).
  for (const m of composition().modules) await m.onWorkspaceCreated?.(db, actor, row.id);
  return workspace;
}

export async function getWorkspaceBySlug(db: Db, slug: string): Promise<Workspace> {
  const row = await store.findWorkspaceBySlug(db, slug.trim().toLowerCase());
  if (!row) throw AppError.notFound(`workspace ${slug}`);
  return toWorkspace(row);
}

/** The workspace a slug names, or undefined when there is none (a webhook URL, a demo to build). */
export async function findWorkspaceBySlug(db: Db, slug: string): Promise<Workspace | undefined> {
  const row = await store.findWorkspaceBySlug(db, slug.trim().toLowerCase());
  return row ? toWorkspace(row) : undefined;
}

export async function getWorkspace(db: Db, id: string): Promise<Workspace> {
  const row = await store.findWorkspaceById(db, id);
  if (!row) throw AppError.notFound('workspace');
  return toWorkspace(row);
}

export async function renameWorkspace(db: Db, actor: Actor, id: string, name: string): Promise<Workspace> {
  const before = await getWorkspace(db, id);
  await store.updateWorkspaceName(db, id, name.trim());
  const after = { ...before, name: name.trim() };
  await recordAudit(db, {
    workspaceId: id,
    actor,
    action: 'workspace.update',
    entityType: 'workspace',
    entityId: id,
    before,
    after,
  });
  return after;
}

export const countWorkspaces = store.countWorkspaces;

/** Every workspace's id, for jobs that sweep all tenants one at a time. */
export const listWorkspaceIds = async (db: Db): Promise<string[]> =>
  (await store.selectWorkspaceIds(db)).map((w) => w.id);

export async function listPartners(db: Db, workspaceId: string): Promise<Partner[]> {
  const rows = await store.listPartnerRows(db, workspaceId);
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at }));
}

export async function createPartner(db: Db, actor: Actor, workspaceId: string, name: string): Promise<Partner> {
  const trimmed = name.trim();
  if (!trimmed) throw AppError.validation('name', 'a partner firm needs a name');
  const existing = (await store.listPartnerRows(db, workspaceId)).find(
    (p) => p.name.toLowerCase() === trimmed.toLowerCase(),
  );
  if (existing) throw new AppError('conflict', `partner firm ${trimmed} already exists`);
  const row = { id: newId(), workspace_id: workspaceId, name: trimmed, created_at: nowIso() };
  await store.insertPartner(db, row);
  const partner = { id: row.id, name: row.name, createdAt: row.created_at };
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'partner.create',
    entityType: 'partner',
    entityId: row.id,
    after: partner,
  });
  return partner;
}

/**
 * Deletes a workspace and everything in it (every table cascades from workspaces). Its audit log goes
 * with it, so the deletion is written to the application log, naming the actor.
 */
export async function deleteWorkspace(db: Db, actor: Actor, workspaceId: string, logger?: Logger): Promise<Workspace> {
  const workspace = await getWorkspace(db, workspaceId);
  await store.deleteWorkspace(db, workspaceId);
  logger?.warn({ workspace: workspace.slug, by: actor.label }, 'workspace deleted');
  return workspace;
}
