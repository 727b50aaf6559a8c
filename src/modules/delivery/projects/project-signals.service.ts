/** Evaluates the delivery rules (project-signals.ts) on projects and raises or resolves their signals. */
import type { Db } from '../../../platform/db/database.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import { reconcileSignals } from '../../signals/index.ts';
import { deliveryRuleOn, deliverySignalsSetting, thresholdsOf } from './project-signals.settings.ts';
import { type ProjectSignalKind, projectSignals, type SignalProject } from './project-signals.ts';
import { daysBetween } from './project.ts';
import * as store from './project.store.ts';
import * as taskStore from './task.store.ts';
import * as timelineStore from './timeline.store.ts';

const KINDS: ProjectSignalKind[] = [
  'handoff.early_slip',
  'handoff.early_scope_change',
  'delivery.concentrated_work',
  'delivery.blocked_task',
  'delivery.long_duration',
  'ttv.forecast_late',
  'ttv.repeated_slips',
  'ttv.first_value_overdue',
];

export async function evaluateProjectSignals(
  db: Db,
  workspaceId: string,
  projectIds: readonly string[],
  today: string,
): Promise<{ raised: number; resolved: number }> {
  if (projectIds.length === 0) return { raised: 0, resolved: 0 };
  const ids = new Set(projectIds);
  const projects = await store.selectProjectsByIds(db, workspaceId, [...ids]);
  const [tasks, milestones, slips, scope, completed, people] = await Promise.all([
    taskStore.selectTasksOfProjects(db, workspaceId, [...ids]),
    taskStore.selectMilestonesOfProjects(db, workspaceId, [...ids]),
    timelineStore.selectSlipsOfProjects(db, workspaceId, [...ids]),
    timelineStore.selectScopeChanges(db, workspaceId, [...ids]),
    store.selectCompletedDurations(db, workspaceId),
    store.selectResourceNames(db, workspaceId),
  ]);
  const settings = await readSetting(db, workspaceId, deliverySignalsSetting);
  const thresholds = thresholdsOf(settings);
  const names = new Map(people.map((r) => [r.id, r.name]));
  const group = <T extends { project_id: string }>(rows: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.project_id) ?? m.set(r.project_id, []).get(r.project_id)!).push(r);
    return m;
  };
  const tasksBy = group(tasks);
  const milestonesBy = group(milestones);
  const slipsBy = group(slips);
  const scopeBy = group(scope);
  const durations = new Map<string, number[]>();
  for (const c of completed)
    (durations.get(c.playbook_id) ?? durations.set(c.playbook_id, []).get(c.playbook_id)!).push(
      daysBetween(c.kickoff_on!, c.go_live_on!),
    );

  const held = [];
  const subjects: string[] = [];
  for (const p of projects) {
    subjects.push(p.id, ...(tasksBy.get(p.id) ?? []).map((t) => t.id));
    const fv = (milestonesBy.get(p.id) ?? []).find((m) => m.first_value === 1);
    const input: SignalProject = {
      id: p.id,
      name: p.name,
      status: p.status,
      kickoffOn: p.kickoff_on,
      promisedGoLive: p.promised_go_live,
      forecastGoLive: p.forecast_go_live,
      firstValue: fv ? { name: fv.name, targetDay: fv.target_day, completedOn: fv.completed_on } : null,
      tasks: (tasksBy.get(p.id) ?? []).map((t) => ({
        id: t.id,
        name: t.name,
        state: t.state,
        critical: t.critical === 1,
        remainingHours: t.remaining_hours,
        assigneeId: t.assignee_id,
        assigneeName: t.assignee_id ? (names.get(t.assignee_id) ?? null) : null,
        blockedReason: t.blocked_reason,
        blockedSince: t.blocked_since,
      })),
      slips: (slipsBy.get(p.id) ?? []).map((s) => ({
        recordedAt: s.recorded_at,
        days: s.days,
        reasonCode: s.reason_code,
        toForecast: s.to_forecast,
      })),
      scopeChanges: (scopeBy.get(p.id) ?? []).map((e) => ({
        at: e.at,
        what: String((JSON.parse(e.detail) as { what?: unknown }).what ?? 'scope changed'),
      })),
      peerDurations: durations.get(p.playbook_id) ?? [],
    };
    for (const s of projectSignals(input, today, thresholds)) {
      if (!deliveryRuleOn(settings, s.kind)) continue;
      held.push({
        workspaceId,
        accountId: p.account_id,
        kind: s.kind,
        severity: s.severity,
        subjectType: s.subjectType,
        subjectId: s.subjectId,
        title: `${p.name}: ${s.title}`,
        evidence: { projectId: p.id, ...s.evidence },
      });
    }
  }
  return reconcileSignals(
    db,
    workspaceId,
    { kinds: KINDS, subjectIds: subjects },
    held,
    'the condition no longer holds',
  );
}

/** Evaluates the delivery rules on every planned (queued or active) project of a workspace; answers its accounts. */
export async function evaluateWorkspaceProjectSignals(
  db: Db,
  workspaceId: string,
  today: string,
): Promise<{ accounts: number; raised: number; resolved: number }> {
  const projects = await store.selectPlannedProjects(db, workspaceId);
  const out = await evaluateProjectSignals(
    db,
    workspaceId,
    projects.map((p) => p.id),
    today,
  );
  return { accounts: new Set(projects.map((p) => p.account_id)).size, ...out };
}
