import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { buildAccount, buildPlaybook, buildProject, buildTask } from './fixtures/index.ts';

/** Anything holding the database: a test app, or a bare handle for a test driving a running server. */
type HasDb = { ctx: { db: Kysely<Database> } };

/**
 * Projects and tasks for the tests of time and economics through the HTTP API, built with the fixture builders: the
 * smallest account and playbook a project needs, and the project and task columns those tests read.
 */
export interface ProjectSeed {
  name?: string;
  status?: string;
  partnerId?: string | null;
  commercialModel?: 'fixed_fee' | 'time_and_materials' | null;
  servicesFee?: number | null;
}

/** One playbook per workspace serves every project these tests make. */
async function playbookOf(t: HasDb, workspaceId: string): Promise<string> {
  const found = await t.ctx.db
    .selectFrom('playbooks')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('key', '=', 'test-playbook')
    .executeTakeFirst();
  return found?.id ?? (await buildPlaybook(t.ctx.db, workspaceId, { key: 'test-playbook', name: 'Test playbook' })).id;
}

/**
 * An active project accepted today: the server checks logged days against its own clock, so the project starts on
 * the day the server counts as today (`dayFromToday(0)`), the one these tests date their entries from.
 */
export async function insertProject(t: HasDb, workspaceId: string, seed: ProjectSeed = {}): Promise<string> {
  const partnerId = seed.partnerId ?? null;
  const account = await buildAccount(t.ctx.db, workspaceId, {
    lifecycle_phase: 'implementing',
    partner_id: partnerId,
    ...(seed.name ? { name: `${seed.name} account` } : {}),
  });
  const project = await buildProject(t.ctx.db, workspaceId, {
    account_id: account.id,
    playbook_id: await playbookOf(t, workspaceId),
    status: seed.status ?? 'active',
    partner_id: partnerId,
    accepted_on: dayFromToday(0),
    commercial_model: seed.commercialModel ?? null,
    services_fee: seed.servicesFee ?? null,
    ...(seed.name ? { name: seed.name } : {}),
  });
  return project.id;
}

export async function insertTask(
  t: HasDb,
  workspaceId: string,
  projectId: string,
  seed: { key: string; name?: string; taskType?: string; effortHours?: number },
): Promise<string> {
  const effort = seed.effortHours ?? 8;
  const task = await buildTask(
    t.ctx.db,
    { id: projectId, workspace_id: workspaceId },
    {
      key: seed.key,
      name: seed.name ?? seed.key,
      task_type: seed.taskType ?? 'configuration',
      effort_hours: effort,
      remaining_hours: effort,
    },
  );
  return task.id;
}

/** A calendar day `days` from today (UTC), as the server counts. */
export const dayFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
