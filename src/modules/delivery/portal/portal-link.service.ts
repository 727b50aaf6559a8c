/**
 * Portal links, as staff make them: signed, expiring and revocable, each to one project. Every link is signed with
 * the workspace's portal key, made the first time a link is listed.
 */
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import { findProjectOr404 } from '../projects/project-query.service.ts';
import type { PortalLink } from './portal.ts';
import { PORTAL_KEY } from './portal.settings.ts';
import { linkStatus, signPortalToken } from './portal-token.ts';

async function portalKey(db: Db, actor: Actor, workspaceId: string): Promise<string> {
  const key = await readSetting(db, workspaceId, PORTAL_KEY);
  if (key) return key;
  return writeSetting(db, actor, workspaceId, PORTAL_KEY, randomBytes(32).toString('base64url'));
}

export async function listPortalLinks(db: Db, actor: Actor, scope: Scope, projectId: string): Promise<PortalLink[]> {
  await findProjectOr404(db, scope, projectId);
  const rows = await db
    .selectFrom('portal_links')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .where('project_id', '=', projectId)
    .orderBy('created_at', 'desc')
    .execute();
  const key = rows.length ? await portalKey(db, actor, scope.workspaceId) : '';
  const now = nowIso();
  return rows.map((r) => {
    const status = linkStatus(r, now);
    return {
      id: r.id,
      label: r.label,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
      lastUsedAt: r.last_used_at,
      createdAt: r.created_at,
      createdBy: r.created_by_label,
      status,
      url: status === 'active' ? `/portal/${signPortalToken(key, scope.workspaceId, r.id)}` : null,
    };
  });
}

export async function createPortalLink(
  db: Db,
  actor: Actor,
  scope: Scope,
  projectId: string,
  input: { label: string; expiresInDays: number },
): Promise<PortalLink> {
  const project = await findProjectOr404(db, scope, projectId);
  if (project.status === 'cancelled' || project.status === 'closed')
    throw new AppError('conflict', `the project is ${project.status}; it has no portal`);
  const id = newId();
  const now = new Date();
  const expires = new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString();
  await db
    .insertInto('portal_links')
    .values({
      id,
      workspace_id: scope.workspaceId,
      project_id: projectId,
      label: input.label,
      expires_at: expires,
      revoked_at: null,
      last_used_at: null,
      created_by_label: actor.label,
      created_at: now.toISOString(),
    })
    .execute();
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'portal.link.create',
    entityType: 'portal_link',
    entityId: id,
    after: { projectId, label: input.label, expiresAt: expires },
  });
  return (await listPortalLinks(db, actor, scope, projectId)).find((l) => l.id === id)!;
}

export async function revokePortalLink(
  db: Db,
  actor: Actor,
  scope: Scope,
  projectId: string,
  linkId: string,
): Promise<void> {
  await findProjectOr404(db, scope, projectId);
  const res = await db
    .updateTable('portal_links')
    .set({ revoked_at: nowIso() })
    .where('workspace_id', '=', scope.workspaceId)
    .where('project_id', '=', projectId)
    .where('id', '=', linkId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    const exists = await db
      .selectFrom('portal_links')
      .select('id')
      .where('workspace_id', '=', scope.workspaceId)
      .where('project_id', '=', projectId)
      .where('id', '=', linkId)
      .executeTakeFirst();
    if (!exists) throw AppError.notFound('portal link');
    return; // already revoked: revoking again changes nothing
  }
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'portal.link.revoke',
    entityType: 'portal_link',
    entityId: linkId,
    after: { projectId },
  });
}
