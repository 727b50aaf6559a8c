import { newTaskRow } from '../../src/modules/delivery/projects/task.store.ts';
import { newId, nowIso } from '../../src/platform/ids.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';

/** Anything holding the database: a test app, or a bare handle for a test driving a running server. */
type HasDb = { ctx: { db: Kysely<Database> } };

/**
 * Projects and tasks inserted as rows, for the tests of time and economics: the smallest account and
 * playbook a project needs, and the project and task columns those tests read.
 */
export interface ProjectSeed {
  name?: string;
  status?: string;
  partnerId?: string | null;
  commercialModel?: 'fixed_fee' | 'time_and_materials' | null;
  servicesFee?: number | null;
}

async function playbookOf(t: HasDb, workspaceId: string): Promise<string> {
  const found = await t.ctx.db
    .selectFrom('playbooks')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', 'test-playbook')
    .executeTakeFirst();
  if (found) return found.id;
  const now = nowIso();
  const id = newId();
  await t.ctx.db
    .insertInto('playbooks')
    .values({
      id,
      workspace_id: workspaceId,
      key: 'test-playbook',
      name: 'Test playbook',
      description: null,
      products: '[]',
      segments: '[]',
      priority: 0,
      current_version: 1,
      archived_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function insertProject(t: HasDb, workspaceId: string, seed: ProjectSeed = {}): Promise<string> {
  const now = nowIso();
  const accountId = newId();
  const name = seed.name ?? `Project ${accountId.slice(-6)}`;
  await t.ctx.db
    .insertInto('accounts')
    .values({
      id: accountId,
      workspace_id: workspaceId,
      name: `${name} account`,
      domain: null,
      segment: 'smb',
      industry: null,
      region: null,
      country: null,
      lifecycle_phase: 'implementing',
      renewal_date: null,
      ae_user_id: null,
      delivery_lead_user_id: null,
      csm_user_id: null,
      account_manager_user_id: null,
      partner_id: seed.partnerId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const id = newId();
  await t.ctx.db
    .insertInto('projects')
    .values({
      id,
      workspace_id: workspaceId,
      account_id: accountId,
      deal_id: null,
      handoff_id: null,
      playbook_id: await playbookOf(t, workspaceId),
      playbook_version: 1,
      name,
      status: seed.status ?? 'active',
      partner_id: seed.partnerId ?? null,
      lead_user_id: null,
      signed_on: null,
      accepted_on: now.slice(0, 10),
      promised_go_live: null,
      kickoff_on: null,
      planned_kickoff_on: null,
      forecast_go_live: null,
      forecast_first_value: null,
      forecast_computed_at: null,
      first_value_on: null,
      go_live_on: null,
      closed_on: null,
      commercial_model: seed.commercialModel ?? null,
      services_fee: seed.servicesFee ?? null,
      currency: 'USD',
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

let sort = 0;

export async function insertTask(
  t: HasDb,
  workspaceId: string,
  projectId: string,
  seed: { key: string; name?: string; taskType?: string; effortHours?: number },
): Promise<string> {
  const id = newId();
  const row = newTaskRow({
    id,
    workspaceId,
    projectId,
    key: seed.key,
    name: seed.name ?? seed.key,
    phase: 'build',
    milestoneKey: null,
    type: seed.taskType ?? 'configuration',
    ownerRole: 'consultant',
    customerOwned: false,
    effortHours: seed.effortHours ?? 8,
    durationDays: 1,
    dependsOn: [],
    sort: ++sort,
    now: nowIso(),
  });
  await t.ctx.db.insertInto('project_tasks').values(row).execute();
  return id;
}

/** A calendar day `days` from today (UTC), as the server counts. */
export const dayFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
