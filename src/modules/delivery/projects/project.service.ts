/**
 * Starting projects: from the playbook version an accepted handoff's products and segment select, or by hand.
 * The project, its milestones and tasks are written from the playbook, land on the timeline and in the audit log,
 * and the workspace is re-forecast.
 */
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor, Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { publish } from '../../../platform/events/domain-events.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { getAccount } from '../../accounts/index.ts';
import type { PlaybookVersion } from '../playbooks/playbook.ts';
import { getPlaybookVersion, selectPlaybook } from '../playbooks/playbook.service.ts';
import { recomputeForecasts } from './forecast.service.ts';
import { type CommercialModel, todayUtc } from './project.ts';
import { checkDates } from './project-dates.ts';
import { getProject } from './project-query.service.ts';
import * as store from './project.store.ts';
import * as taskStore from './task.store.ts';
import { logEvent } from './timeline.service.ts';
import type { ProjectDetail } from './project.views.ts';

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
  // Milestones reached by real use are completed as soon as the account is seen doing it (project.events.ts).
  const awaited = milestones
    .filter((m) => m.completion_event)
    .map((m) => ({ accountId: input.accountId, event: m.completion_event! }));
  if (awaited.length > 0) await publish(db, 'delivery.usage-milestones-changed', { workspaceId, awaited, reached: [] });
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
export async function startProjectForHandoff(
  db: Db,
  actor: Actor,
  h: HandoffStart,
  today = todayUtc(),
): Promise<string | null> {
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
    acceptedOn: today,
    promisedGoLive: h.promisedGoLive,
    plannedKickoffOn: null,
    partnerId: h.partnerId,
    leadUserId: h.leadUserId,
    commercialModel: h.servicesSold ? 'fixed_fee' : null,
    servicesFee: h.servicesSold,
    currency: h.currency ?? 'USD',
  });
  await recomputeForecasts(db, h.workspaceId, { today, actor, touched: [id] });
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
  today = todayUtc(),
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
    acceptedOn: today,
    promisedGoLive: input.promisedGoLive ?? null,
    plannedKickoffOn: input.plannedKickoffOn ?? null,
    partnerId: input.partnerId === undefined ? account.partnerId : input.partnerId,
    leadUserId: input.leadUserId ?? account.deliveryLeadUserId ?? null,
    commercialModel: input.commercialModel ?? null,
    servicesFee: input.servicesFee ?? null,
    currency: input.currency ?? 'USD',
  });
  await recomputeForecasts(db, scope.workspaceId, { today, actor, touched: [id] });
  return getProject(db, scope, id, today);
}
