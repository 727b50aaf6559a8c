/**
 * Projects: created from a playbook version when a handoff is accepted (or by hand), read with their plan, and
 * moved through kickoff → go-live → close. Every change lands on the project's timeline and in the audit log,
 * and re-forecasts the workspace.
 */
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../../platform/http/cursor.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { getAccount, readableAccountNames, updateAccount } from '../../accounts/index.ts';
import { playbookDefinitionSchema, type PlaybookVersion } from '../playbooks/playbook.ts';
import { getPlaybookVersion, selectPlaybook } from '../playbooks/playbook.service.ts';
import { watchFirstUse } from '../../usage/adoption/first-use.service.ts';
import { recomputeForecasts, recordSlipIfDue } from './forecast.service.ts';
import { USAGE_MILESTONES_JOB } from './usage-milestones.ts';
import {
  type CommercialModel,
  type DatedRecord,
  type DateField,
  datesContradiction,
  nextStatus,
  type ProjectAction,
  type ProjectStatus,
  todayUtc,
} from './project.ts';
import * as store from './project.store.ts';
import * as taskStore from './task.store.ts';
import * as timelineStore from './timeline.store.ts';
import { logEvent } from './timeline.service.ts';
import { nameEventActors } from './event-actors.ts';
import {
  type ProjectDetail,
  type ProjectListItem,
  type ProjectSummary,
  progressOf,
  toEvent,
  toMilestone,
  toPromiseChange,
  toRework,
  toSlip,
  toSummary,
  toTask,
} from './project.views.ts';

export { todayUtc };

export interface NewProject {
  accountId: string;
  name: string;
  playbook: PlaybookVersion;
  dealId: string | null;
  handoffId: string | null;
  signedOn: string | null;
  acceptedOn: string;
  promisedGoLive: string | null;
  plannedKickoffOn: string | null;
  partnerId: string | null;
  leadUserId: string | null;
  commercialModel: CommercialModel | null;
  servicesFee: number | null;
  currency: string;
}

/** Writes the project, its milestones and tasks from the playbook version; no forecast yet. */
export async function instantiateProject(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: NewProject,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  const def = input.playbook.definition;
  await store.insertProject(db, {
    id,
    workspace_id: workspaceId,
    account_id: input.accountId,
    deal_id: input.dealId,
    handoff_id: input.handoffId,
    playbook_id: input.playbook.playbookId,
    playbook_version: input.playbook.version,
    name: input.name,
    status: 'queued',
    partner_id: input.partnerId,
    lead_user_id: input.leadUserId,
    signed_on: input.signedOn,
    accepted_on: input.acceptedOn,
    promised_go_live: input.promisedGoLive,
    kickoff_on: null,
    planned_kickoff_on: input.plannedKickoffOn,
    forecast_go_live: null,
    forecast_first_value: null,
    forecast_computed_at: null,
    first_value_on: null,
    go_live_on: null,
    closed_on: null,
    commercial_model: input.commercialModel,
    services_fee: input.servicesFee,
    currency: input.currency,
    version: 1,
    created_at: now,
    updated_at: now,
  });
  let sort = 0;
  const milestones = def.phases.flatMap((phase) =>
    phase.milestones.map((m) => ({
      id: newId(),
      workspace_id: workspaceId,
      project_id: id,
      key: m.key,
      name: m.name,
      phase: phase.name,
      onboarding: m.onboarding ? 1 : 0,
      first_value: m.key === def.firstValueMilestone ? 1 : 0,
      go_live: m.key === def.goLiveMilestone ? 1 : 0,
      completion_event: m.completionEvent,
      target_day: m.targetDay,
      forecast_on: null,
      completed_on: null,
      completed_by: null,
      sort: sort++,
    })),
  );
  await taskStore.insertMilestones(db, milestones);
  // Milestones reached by real use are completed as soon as ingest sees the account do it.
  await watchFirstUse(
    db,
    workspaceId,
    milestones
      .filter((m) => m.completion_event)
      .map((m) => ({ accountId: input.accountId, event: m.completion_event!, jobType: USAGE_MILESTONES_JOB })),
  );
  sort = 0;
  await taskStore.insertTasks(
    db,
    def.phases.flatMap((phase) =>
      phase.tasks.map((t) =>
        taskStore.newTaskRow({
          id: newId(),
          workspaceId,
          projectId: id,
          key: t.key,
          name: t.name,
          phase: phase.name,
          milestoneKey: t.milestone,
          type: t.type,
          ownerRole: t.ownerRole,
          customerOwned: t.customerOwned,
          effortHours: t.effortHours,
          durationDays: t.durationDays,
          dependsOn: t.dependsOn,
          sort: sort++,
          now,
        }),
      ),
    ),
  );
  await logEvent(db, workspaceId, id, actor, 'created', null, {
    playbook: input.playbook.name,
    version: input.playbook.version,
    promisedGoLive: input.promisedGoLive,
    handoffId: input.handoffId,
  });
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'project.create',
    entityType: 'project',
    entityId: id,
    after: {
      name: input.name,
      accountId: input.accountId,
      playbookId: input.playbook.playbookId,
      version: input.playbook.version,
    },
  });
  return id;
}

/** The project an accepted handoff started, if any. */
export async function projectIdOfHandoff(db: Db, workspaceId: string, handoffId: string): Promise<string | null> {
  return (await store.findProjectByHandoff(db, workspaceId, handoffId))?.id ?? null;
}

/** What the handoff module passes when delivery accepts a brief. */
export interface HandoffStart {
  workspaceId: string;
  handoffId: string;
  accountId: string;
  accountName: string;
  segment: string | null;
  partnerId: string | null;
  dealId: string;
  dealName: string;
  products: string[];
  signedOn: string | null;
  promisedGoLive: string | null;
  servicesSold: number | null;
  currency: string | null;
  leadUserId: string | null;
}

/**
 * Starts the project of an accepted handoff from the playbook its products and segment select. Returns the
 * project's id, or null when the workspace has no playbook at all (the acceptance still stands).
 */
export async function startProjectForHandoff(db: Db, actor: Actor, h: HandoffStart): Promise<string | null> {
  const existing = await store.findProjectByHandoff(db, h.workspaceId, h.handoffId);
  if (existing) return existing.id;
  const playbook = await selectPlaybook(db, h.workspaceId, { products: h.products, segment: h.segment });
  if (!playbook) return null;
  const id = await instantiateProject(db, actor, h.workspaceId, {
    accountId: h.accountId,
    name: `${h.accountName} — ${playbook.name}`,
    playbook,
    dealId: h.dealId,
    handoffId: h.handoffId,
    signedOn: h.signedOn,
    acceptedOn: todayUtc(),
    promisedGoLive: h.promisedGoLive,
    plannedKickoffOn: null,
    partnerId: h.partnerId,
    leadUserId: h.leadUserId,
    commercialModel: h.servicesSold ? 'fixed_fee' : null,
    servicesFee: h.servicesSold,
    currency: h.currency ?? 'USD',
  });
  await recomputeForecasts(db, h.workspaceId, { today: todayUtc(), actor, touched: [id] });
  return id;
}

export interface CreateProjectInput {
  accountId: string;
  name?: string;
  playbookId?: string;
  promisedGoLive?: string | null;
  plannedKickoffOn?: string | null;
  signedOn?: string | null;
  partnerId?: string | null;
  leadUserId?: string | null;
  commercialModel?: CommercialModel | null;
  servicesFee?: number | null;
  currency?: string;
}

/** A project started by hand, from a chosen playbook or the one the account's segment selects. */
export async function createProject(
  db: Db,
  actor: Actor,
  scope: Scope,
  input: CreateProjectInput,
): Promise<ProjectDetail> {
  if (scope.partnerId) throw new AppError('forbidden', 'partner users cannot start projects');
  const account = await getAccount(db, scope, input.accountId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found')
      throw AppError.validation('body.accountId', 'no such account in this workspace');
    throw e;
  });
  let playbook: PlaybookVersion | null;
  if (input.playbookId) {
    playbook = await getPlaybookVersion(db, scope.workspaceId, input.playbookId, null).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'not_found')
        throw AppError.validation('body.playbookId', 'no such playbook in this workspace');
      throw e;
    });
  } else {
    playbook = await selectPlaybook(db, scope.workspaceId, { products: [], segment: account.segment });
    if (!playbook) throw AppError.validation('body.playbookId', 'no playbook matches this account; choose one');
  }
  const today = todayUtc();
  if (input.signedOn && input.signedOn > today)
    throw AppError.validation('body.signedOn', `is in the future (today is ${today})`);
  checkDates(
    {
      signedOn: input.signedOn ?? null,
      acceptedOn: today,
      plannedKickoffOn: input.plannedKickoffOn ?? null,
      kickoffOn: null,
      promisedGoLive: input.promisedGoLive ?? null,
      goLiveOn: null,
    },
    (['signedOn', 'plannedKickoffOn', 'promisedGoLive'] as const).filter((f) => input[f]),
    (f) => `body.${f}`,
  );
  const id = await instantiateProject(db, actor, scope.workspaceId, {
    accountId: account.id,
    name: input.name ?? `${account.name} — ${playbook.name}`,
    playbook,
    dealId: null,
    handoffId: null,
    signedOn: input.signedOn ?? null,
    acceptedOn: todayUtc(),
    promisedGoLive: input.promisedGoLive ?? null,
    plannedKickoffOn: input.plannedKickoffOn ?? null,
    partnerId: input.partnerId === undefined ? account.partnerId : input.partnerId,
    leadUserId: input.leadUserId ?? account.deliveryLeadUserId ?? null,
    commercialModel: input.commercialModel ?? null,
    servicesFee: input.servicesFee ?? null,
    currency: input.currency ?? 'USD',
  });
  await recomputeForecasts(db, scope.workspaceId, { today: todayUtc(), actor, touched: [id] });
  return getProject(db, scope, id);
}

async function namesOf(db: Db, scope: Scope) {
  const [account, playbooks] = await Promise.all([
    readableAccountNames(db, scope),
    store.selectPlaybookNames(db, scope.workspaceId),
  ]);
  return { account, playbook: new Map(playbooks.map((p) => [p.id, p.name])) };
}

export async function findProjectOr404(db: Db, scope: Scope, id: string): Promise<store.ProjectRow> {
  const row = await store.findProject(db, scope, id);
  if (!row) throw AppError.notFound('project');
  return row;
}

export async function getProject(db: Db, scope: Scope, id: string, today = todayUtc()): Promise<ProjectDetail> {
  const row = await findProjectOr404(db, scope, id);
  const [names, tasks, milestones, slips, rework, events, people, version, promises] = await Promise.all([
    namesOf(db, scope),
    taskStore.selectTasks(db, scope.workspaceId, id),
    taskStore.selectMilestones(db, scope.workspaceId, id),
    timelineStore.selectSlips(db, scope.workspaceId, id),
    timelineStore.selectRework(db, scope.workspaceId, id),
    timelineStore.selectEvents(db, scope.workspaceId, id, 200),
    store.selectResourceNames(db, scope.workspaceId),
    store.findPlaybookVersion(db, scope.workspaceId, row.playbook_id, row.playbook_version),
    timelineStore.selectEvents(db, scope.workspaceId, id, 1000, ['promise_changed']),
  ]);
  const assignees = new Map(people.map((p) => [p.id, p.name]));
  const taskViews = tasks.map((t) => toTask(t, assignees));
  const checklist = version ? playbookDefinitionSchema.parse(JSON.parse(version.definition)).goLiveChecklist : [];
  return {
    ...toSummary(row, names, today),
    progress: progressOf(taskViews),
    tasks: taskViews,
    milestones: milestones.map(toMilestone),
    slips: slips.map(toSlip),
    promiseChanges: promises.reverse().map(toPromiseChange),
    rework: rework.map(toRework),
    goLiveChecklist: checklist,
    events: await nameEventActors(db, events.map(toEvent)),
  };
}

const isKey = (v: unknown): v is { createdAt: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { createdAt?: unknown }).createdAt === 'string' &&
  typeof (v as { id?: unknown }).id === 'string';

export async function listProjects(
  db: Db,
  scope: Scope,
  f: Omit<store.ProjectFilter, 'before'> & { cursor?: string },
): Promise<{ items: ProjectListItem[]; nextCursor: string | null }> {
  const rows = await store.selectProjects(db, scope, {
    ...f,
    before: decodeCursor(f.cursor, isKey),
    limit: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  const ids = page.map((r) => r.id);
  const [names, tasks, slips] = await Promise.all([
    namesOf(db, scope),
    taskStore.selectTasksOfProjects(db, scope.workspaceId, ids),
    timelineStore.selectSlipsOfProjects(db, scope.workspaceId, ids),
  ]);
  const today = todayUtc();
  const items = page.map((r) => {
    const own = tasks.filter((t) => t.project_id === r.id);
    return {
      ...toSummary(r, names, today),
      progress: {
        tasks: own.length,
        tasksDone: own.filter((t) => t.state === 'done').length,
        remainingHours: own.reduce((s, t) => s + (t.state === 'done' ? 0 : t.remaining_hours), 0),
      },
      slipCount: slips.filter((s) => s.project_id === r.id).length,
    };
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > f.limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}

export const datedRecordOf = (r: store.ProjectRow): DatedRecord => ({
  signedOn: r.signed_on,
  acceptedOn: r.accepted_on,
  plannedKickoffOn: r.planned_kickoff_on,
  kickoffOn: r.kickoff_on,
  promisedGoLive: r.promised_go_live,
  goLiveOn: r.go_live_on,
});

/** Refuses dates that contradict the project's own history (`datesContradiction`), naming the request's field. */
export function checkDates(
  record: DatedRecord,
  changed: readonly DateField[],
  fieldOf: (f: DateField) => string,
): void {
  const bad = datesContradiction(record, changed);
  if (bad) throw AppError.validation(fieldOf(bad.field), bad.message);
}

export const projectEtag = (p: { id: string; version: number }): string => `"${p.id}:${p.version}"`;

export interface ProjectPatch {
  name?: string;
  promisedGoLive?: string | null;
  plannedKickoffOn?: string | null;
  partnerId?: string | null;
  leadUserId?: string | null;
  commercialModel?: CommercialModel | null;
  servicesFee?: number | null;
}

export async function updateProject(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: string,
  patch: ProjectPatch,
  ifMatch: string | undefined,
): Promise<ProjectDetail> {
  const before = await findProjectOr404(db, scope, id);
  if (ifMatch && ifMatch !== projectEtag(before))
    throw new AppError('precondition_failed', 'the project changed since it was read; reload it');
  if (
    scope.partnerId &&
    (patch.partnerId !== undefined || patch.commercialModel !== undefined || patch.servicesFee !== undefined)
  ) {
    throw new AppError('forbidden', 'partner users cannot change the partner or the commercial terms');
  }
  const dated = { ...datedRecordOf(before) };
  if (patch.promisedGoLive !== undefined) dated.promisedGoLive = patch.promisedGoLive;
  if (patch.plannedKickoffOn !== undefined) dated.plannedKickoffOn = patch.plannedKickoffOn;
  checkDates(
    dated,
    (['promisedGoLive', 'plannedKickoffOn'] as const).filter((f) => patch[f] !== undefined && patch[f] !== null),
    (f) => `body.${f}`,
  );
  const set: Parameters<typeof store.updateProject>[3] = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.promisedGoLive !== undefined) set.promised_go_live = patch.promisedGoLive;
  if (patch.plannedKickoffOn !== undefined) set.planned_kickoff_on = patch.plannedKickoffOn;
  if (patch.partnerId !== undefined) set.partner_id = patch.partnerId;
  if (patch.leadUserId !== undefined) set.lead_user_id = patch.leadUserId;
  if (patch.commercialModel !== undefined) set.commercial_model = patch.commercialModel;
  if (patch.servicesFee !== undefined) set.services_fee = patch.servicesFee;
  await bump(db, scope.workspaceId, before, set);
  await logEvent(db, scope.workspaceId, id, actor, 'updated', null, { changes: patch });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: 'project.update',
    entityType: 'project',
    entityId: id,
    before: pick(before, Object.keys(set)),
    after: set,
  });
  await recomputeForecasts(db, scope.workspaceId, { today: todayUtc(), actor, touched: [id] });
  return getProject(db, scope, id);
}

/** Writes a change and bumps the version (the ETag). */
export async function bump(
  db: Db,
  workspaceId: string,
  before: store.ProjectRow,
  set: Parameters<typeof store.updateProject>[3],
): Promise<void> {
  await store.updateProject(db, workspaceId, before.id, { ...set, version: before.version + 1, updated_at: nowIso() });
}

const pick = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k]]));

export interface LifecycleInput {
  on?: string;
  /** Go-live: the checklist items confirmed, by text. */
  checklist?: string[];
  reason?: string;
}

/** Kickoff, go-live, close or cancel. Go-live needs the go-live milestone's tasks done and the checklist confirmed. */
export async function moveProject(
  db: Db,
  actor: Actor,
  scope: Scope,
  id: string,
  action: ProjectAction,
  input: LifecycleInput,
): Promise<ProjectDetail> {
  const before = await findProjectOr404(db, scope, id);
  const move = nextStatus(before.status as ProjectStatus, action);
  if (!move.ok) throw new AppError('conflict', move.reason);
  const today = todayUtc();
  const on = input.on ?? today;
  if (on > today) throw AppError.validation('body.on', 'cannot be in the future');
  const set: Parameters<typeof store.updateProject>[3] = { status: move.to };
  if (action === 'kickoff') {
    checkDates({ ...datedRecordOf(before), kickoffOn: on }, ['kickoffOn'], () => 'body.on');
    set.kickoff_on = on;
  }
  if (action === 'go_live') {
    checkDates({ ...datedRecordOf(before), goLiveOn: on }, ['goLiveOn'], () => 'body.on');
    const detail = await getProject(db, scope, id);
    const goLive = detail.milestones.find((m) => m.goLive);
    const open = detail.tasks.filter((t) => t.milestoneKey === goLive?.key && t.state !== 'done');
    if (open.length > 0)
      throw new AppError(
        'conflict',
        `the go-live milestone still has open tasks: ${open.map((t) => t.name).join(', ')}`,
      );
    const confirmed = new Set(input.checklist ?? []);
    const missing = detail.goLiveChecklist.filter((c) => !confirmed.has(c));
    if (missing.length > 0) {
      throw new AppError('validation', 'confirm every go-live checklist item', {
        fieldErrors: missing.map((c) => ({ field: 'body.checklist', message: `not confirmed: ${c}` })),
      });
    }
    set.go_live_on = on;
    if (goLive && !goLive.completedOn)
      await taskStore.updateMilestone(db, scope.workspaceId, goLive.id, {
        completed_on: on,
        completed_by: 'manual',
        forecast_on: on,
      });
  }
  if (action === 'close') set.closed_on = on;
  if (action === 'cancel' && !input.reason?.trim())
    throw AppError.validation('body.reason', 'say why the project is cancelled');
  await bump(db, scope.workspaceId, before, set);
  await logEvent(db, scope.workspaceId, id, actor, action, null, {
    on,
    reason: input.reason ?? null,
    checklist: input.checklist ?? null,
  });
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actor,
    action: `project.${action}`,
    entityType: 'project',
    entityId: id,
    before: { status: before.status },
    after: { status: move.to, on },
  });
  const phase = action === 'kickoff' ? 'implementing' : action === 'go_live' ? 'live' : null;
  if (phase)
    await updateAccount(db, actor, { workspaceId: scope.workspaceId, partnerId: null }, before.account_id, {
      lifecyclePhase: phase,
    });
  // A go-live past the promise is a slip too, unless the slips already recorded explain it.
  if (action === 'go_live')
    await recordSlipIfDue(
      db,
      scope.workspaceId,
      before,
      on,
      await timelineStore.selectSlips(db, scope.workspaceId, id),
      {
        actor,
        explainedBy: actor,
        now: nowIso(),
      },
    );
  await recomputeForecasts(db, scope.workspaceId, { today, actor, touched: [id] });
  return getProject(db, scope, id);
}
