/**
 * The customer portal: staff make signed, expiring, revocable links to one project; whoever holds a link sees
 * that project's plan, completes the customer's own tasks and comments — nothing else. Every query below takes
 * the project id from the link's row, never from the request.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { defineSetting, readSetting, writeSetting } from '../../../platform/settings/settings.service.ts';
import type { TaskState } from '../forecast/forecast.types.ts';
import { addComment } from '../projects/comment.service.ts';
import { findProjectOr404, getProject } from '../projects/project-query.service.ts';
import { updateTask } from '../projects/task.service.ts';
import type { PortalLink, PortalView } from './portal.ts';
import { linkStatus, readPortalToken, signatureMatches, signPortalToken } from './portal-token.ts';

export type { PortalLink, PortalView } from './portal.ts';

/** The workspace's portal signing key; replacing it invalidates every link at once. */
const PORTAL_KEY = defineSetting({
  key: 'delivery.portalKey',
  schema: z.string(),
  defaultValue: '',
  redact: (v: string) => (v ? 'set' : 'unset'),
});

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

/** The link a token opens, checked: its signature, then that it is neither revoked nor expired. */
async function openLink(db: Db, token: string): Promise<{ workspaceId: string; projectId: string; linkId: string }> {
  const read = readPortalToken(token);
  const invalid = new AppError(
    'unauthenticated',
    'this portal link is not valid: check that it was copied whole, or ask your project manager for a new one',
  );
  if (!read) throw invalid;
  const row = await db.selectFrom('portal_links').selectAll().where('id', '=', read.linkId).executeTakeFirst();
  const key = row ? await readSetting(db, row.workspace_id, PORTAL_KEY) : '';
  if (!row || !key || !signatureMatches(key, row.workspace_id, read)) throw invalid;
  const status = linkStatus(row, nowIso());
  if (status === 'revoked')
    throw new AppError('forbidden', 'this portal link was revoked; ask your project manager for a new one');
  if (status === 'expired')
    throw new AppError(
      'forbidden',
      `this portal link expired on ${row.expires_at.slice(0, 10)}; ask your project manager for a new one`,
    );
  return { workspaceId: row.workspace_id, projectId: row.project_id, linkId: row.id };
}

/** Events a customer may read on the timeline. */
const CUSTOMER_VISIBLE = new Set([
  'created',
  'kickoff',
  'go_live',
  'milestone_reached',
  'comment',
  'task_updated',
  'forecast_changed',
]);

async function view(db: Db, link: { workspaceId: string; projectId: string }): Promise<PortalView> {
  const p = await getProject(db, { workspaceId: link.workspaceId, partnerId: null }, link.projectId);
  return {
    project: {
      name: p.name,
      accountName: p.accountName,
      status: p.status,
      kickoffOn: p.kickoffOn,
      promisedGoLive: p.promisedGoLive,
      forecastGoLive: p.forecastGoLive,
      goLiveOn: p.goLiveOn,
      firstValueOn: p.firstValueOn,
    },
    milestones: p.milestones.map((m) => ({
      key: m.key,
      name: m.name,
      phase: m.phase,
      firstValue: m.firstValue,
      goLive: m.goLive,
      forecastOn: m.forecastOn,
      completedOn: m.completedOn,
    })),
    tasks: p.tasks.map((t) => ({
      id: t.id,
      name: t.name,
      phase: t.phase,
      milestoneKey: t.milestoneKey,
      state: t.state,
      customerOwned: t.customerOwned,
      blockedReason: t.customerOwned ? t.blockedReason : null,
      forecastStart: t.forecastStart,
      forecastFinish: t.forecastFinish,
      doneOn: t.doneOn,
    })),
    timeline: p.events
      .filter((e) => CUSTOMER_VISIBLE.has(e.kind))
      .map((e) => ({
        at: e.at,
        actorKind: e.actorKind,
        actor: e.actorKind === 'user' ? 'Project team' : e.actor,
        kind: e.kind,
        detail: customerDetail(e.kind, e.detail),
      })),
  };
}

/** Only the parts of an event's detail a customer should read. */
function customerDetail(kind: string, d: Record<string, unknown>): Record<string, unknown> {
  if (kind === 'comment') return { text: d.text };
  if (kind === 'task_updated') return { task: d.task, state: d.state };
  if (kind === 'forecast_changed') return { from: d.from, to: d.to };
  if (kind === 'milestone_reached') return { milestone: d.milestone, on: d.on };
  return {};
}

async function touch(db: Db, link: { workspaceId: string; linkId: string }): Promise<void> {
  await db
    .updateTable('portal_links')
    .set({ last_used_at: nowIso() })
    .where('workspace_id', '=', link.workspaceId)
    .where('id', '=', link.linkId)
    .execute();
}

export async function portalView(db: Db, token: string): Promise<PortalView> {
  const link = await openLink(db, token);
  await touch(db, link);
  return view(db, link);
}

export async function portalUpdateTask(
  db: Db,
  token: string,
  taskId: string,
  input: { state: TaskState; blockedReason?: string | null; by: string },
): Promise<PortalView> {
  const link = await openLink(db, token);
  const scope = { workspaceId: link.workspaceId, partnerId: null };
  const tasks = await db
    .selectFrom('project_tasks')
    .select(['id'])
    .where('workspace_id', '=', link.workspaceId)
    .where('project_id', '=', link.projectId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!tasks) throw AppError.notFound('task');
  await updateTask(
    db,
    { type: 'customer', label: input.by },
    scope,
    link.projectId,
    taskId,
    { state: input.state, blockedReason: input.blockedReason },
    { customer: true },
  );
  await touch(db, link);
  return view(db, link);
}

export async function portalComment(
  db: Db,
  token: string,
  input: { text: string; by: string; taskId: string | null },
): Promise<void> {
  const link = await openLink(db, token);
  await addComment(
    db,
    { type: 'customer', label: input.by },
    { workspaceId: link.workspaceId, partnerId: null },
    link.projectId,
    input.text,
    input.taskId,
  );
  await touch(db, link);
}
