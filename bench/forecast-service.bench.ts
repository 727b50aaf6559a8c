/**
 * The forecast as the server runs it after a change: read every planned project's tasks, people and holidays
 * from the database, schedule them together, write back what moved and re-check the signals of the projects that
 * moved. Workspaces of 500 and 2,000 active projects of 50 tasks on SQLite. Baseline in the same run: reading the
 * same rows alone. Prints the median of three runs of each pass: the first, where every forecast moves, and a
 * repeat, where nothing does (the common case after a small change).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../src/platform/auth/principal.ts';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { newId, nowIso } from '../src/platform/ids.ts';
import { createWorkspace } from '../src/platform/identity/workspace.service.ts';
import type { PlaybookFile } from '../src/modules/delivery/playbooks/playbook.ts';
import { insertPlaybookFile } from '../src/modules/delivery/playbooks/playbook-edit.service.ts';
import { getPlaybookVersion } from '../src/modules/delivery/playbooks/playbook.service.ts';
import { loadForecastInput, recomputeForecasts } from '../src/modules/delivery/projects/forecast.service.ts';
import { instantiateProject } from '../src/modules/delivery/projects/project.service.ts';
import { fmt } from './lib.ts';

const ROLES = ['project_manager', 'solution_architect', 'consultant', 'integration_engineer', 'trainer'];
const today = new Date().toISOString().slice(0, 10);

/** Five phases of ten tasks; each phase waits for the previous one's last task. */
function fiftyTasks(): PlaybookFile {
  const phases = Array.from({ length: 5 }, (_, p) => ({
    key: `phase-${p}`,
    name: `Phase ${p + 1}`,
    milestones: [
      { key: `m-${p}`, name: `Milestone ${p + 1}`, onboarding: p < 2, targetDay: (p + 1) * 20, completionEvent: null },
    ],
    tasks: Array.from({ length: 10 }, (_, t) => ({
      key: `t-${p}-${t}`,
      name: `Task ${p + 1}.${t + 1}`,
      ownerRole: t === 9 ? 'customer' : ROLES[(p + t) % ROLES.length]!,
      customerOwned: t === 9,
      type: 'general',
      effortHours: 4 + ((p * 7 + t * 3) % 13),
      durationDays: 1 + (t % 3),
      dependsOn: t === 0 ? (p === 0 ? [] : [`t-${p - 1}-9`]) : [`t-${p}-${t - 1}`],
      milestone: `m-${p}`,
    })),
  }));
  return {
    key: 'bench-fifty',
    name: 'Fifty tasks',
    description: null,
    products: [],
    segments: [],
    priority: 0,
    definition: { phases, firstValueMilestone: 'm-1', goLiveMilestone: 'm-4', goLiveChecklist: [] },
  };
}

async function build(projects: number): Promise<{ dbh: DatabaseHandle; workspaceId: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-bench-forecast-'));
  const dbh = await openDatabase(`sqlite:${path.join(dir, 'baton.db')}`);
  await migrateToLatest(dbh);
  const db = dbh.db;
  const { workspaceId, resourceIds } = await db.transaction().execute(async (trx) => {
    const ws = await createWorkspace(trx, SYSTEM_ACTOR, { slug: 'bench' });
    const detail = await insertPlaybookFile(trx, SYSTEM_ACTOR, ws.id, fiftyTasks(), null);
    const playbook = await getPlaybookVersion(trx, ws.id, detail.id, null);
    const now = nowIso();
    const resourceIds: string[] = [];
    for (let i = 0; i < Math.max(5, Math.round(projects / 20)); i++) {
      const id = newId();
      resourceIds.push(id);
      await trx
        .insertInto('delivery_resources')
        .values({
          id,
          workspace_id: ws.id,
          user_id: null,
          name: `Person ${i}`,
          email: null,
          role: ROLES[i % ROLES.length]!,
          skills: '[]',
          weekly_capacity_hours: i % 7 === 0 ? 20 : 40,
          working_days: '[1,2,3,4,5]',
          cost_rate: 80,
          bill_rate: 180,
          partner_id: null,
          active: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    for (let i = 0; i < projects; i++) {
      const accountId = newId();
      await trx
        .insertInto('accounts')
        .values({
          id: accountId,
          workspace_id: ws.id,
          name: `Customer ${i}`,
          domain: null,
          segment: 'mid_market',
          industry: null,
          region: null,
          country: null,
          lifecycle_phase: 'implementing',
          renewal_date: null,
          ae_user_id: null,
          delivery_lead_user_id: null,
          csm_user_id: null,
          account_manager_user_id: null,
          partner_id: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const id = await instantiateProject(trx, SYSTEM_ACTOR, ws.id, {
        accountId,
        name: `Project ${i}`,
        playbook,
        dealId: null,
        handoffId: null,
        signedOn: null,
        acceptedOn: today,
        promisedGoLive: null,
        plannedKickoffOn: null,
        partnerId: null,
        leadUserId: null,
        commercialModel: null,
        servicesFee: null,
        currency: 'USD',
      });
      await trx.updateTable('projects').set({ status: 'active', kickoff_on: today }).where('id', '=', id).execute();
    }
    // About 60 % of our tasks have someone assigned, of the task's role where possible.
    const tasks = await trx
      .selectFrom('project_tasks')
      .select(['id', 'owner_role', 'customer_owned'])
      .where('workspace_id', '=', ws.id)
      .execute();
    let n = 0;
    for (const t of tasks) {
      if (t.customer_owned === 1 || n++ % 5 >= 3) continue;
      const same = resourceIds.filter((_, i) => ROLES[i % ROLES.length] === t.owner_role);
      await trx
        .updateTable('project_tasks')
        .set({ assignee_id: same[n % same.length] ?? null })
        .where('id', '=', t.id)
        .execute();
    }
    return { workspaceId: ws.id, resourceIds };
  });
  void resourceIds;
  return { dbh, workspaceId, dir };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function run(): Promise<void> {
  for (const size of [500, 2000]) {
    const { dbh, workspaceId, dir } = await build(size);
    const db = dbh.db;
    const read: number[] = [];
    const first: number[] = [];
    const repeat: number[] = [];
    for (let i = 0; i < 3; i++) {
      read.push(await time(() => loadForecastInput(db, workspaceId, today)));
      // Forget the forecasts, so that every one moves again.
      await db
        .updateTable('projects')
        .set({ forecast_go_live: null, forecast_first_value: null })
        .where('workspace_id', '=', workspaceId)
        .execute();
      await db
        .updateTable('project_tasks')
        .set({ forecast_start: null, forecast_finish: null })
        .where('workspace_id', '=', workspaceId)
        .execute();
      first.push(
        await time(() =>
          db.transaction().execute((trx) => recomputeForecasts(trx, workspaceId, { today, actor: SYSTEM_ACTOR })),
        ),
      );
      repeat.push(
        await time(() =>
          db.transaction().execute((trx) => recomputeForecasts(trx, workspaceId, { today, actor: SYSTEM_ACTOR })),
        ),
      );
    }
    const base = median(read);
    console.log(
      `${fmt(size)} projects × 50 tasks: read alone ${base.toFixed(0)} ms (baseline); recompute with every forecast moving ${median(first).toFixed(0)} ms (${(median(first) / base).toFixed(1)}×), ` +
        `unchanged ${median(repeat).toFixed(0)} ms (${(median(repeat) / base).toFixed(1)}×)`,
    );
    await dbh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
