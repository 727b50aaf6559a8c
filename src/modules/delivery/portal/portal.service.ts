/**
 * The customer portal: whoever holds a link sees that project's plan, completes the customer's own tasks and
 * comments — nothing else. Every query below takes the project id from the link's row, never from the request.
 */
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { nowIso } from '../../../platform/ids.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import type { TaskState } from '../forecast/forecast.types.ts';
import { addComment } from '../projects/comment.service.ts';
import { getProject } from '../projects/project-query.service.ts';
import { todayUtc } from '../projects/project.ts';
import { updateTask } from '../projects/task.service.ts';
import type { PortalView } from './portal.ts';
import { PORTAL_KEY } from './portal.settings.ts';
import { linkStatus, readPortalToken, signatureMatches } from './portal-token.ts';

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

async function view(db: Db, link: { workspaceId: string; projectId: string }, today: string): Promise<PortalView> {
  const p = await getProject(db, { workspaceId: link.workspaceId, partnerId: null }, link.projectId, today);
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

export async function portalView(db: Db, token: string, today = todayUtc()): Promise<PortalView> {
  const link = await openLink(db, token);
  await touch(db, link);
  return view(db, link, today);
}

export async function portalUpdateTask(
  db: Db,
  token: string,
  taskId: string,
  input: { state: TaskState; blockedReason?: string | null; by: string },
  today = todayUtc(),
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
    { customer: true, today },
  );
  await touch(db, link);
  return view(db, link, today);
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
