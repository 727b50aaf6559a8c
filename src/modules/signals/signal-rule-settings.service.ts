/**
 * Settings › Signal rules: every module's rules with their thresholds, a change saved and followed by a
 * re-evaluation of the workspace in the background, which records how many signals it opened and closed.
 */
import type { Actor } from '../../platform/auth/principal.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import { queueJob } from '../../platform/jobs/job-types.ts';
import { readSetting, writeSetting } from '../../platform/settings/settings.service.ts';
import { type RuleView, ruleSetOf, signalRuleSets, viewRules } from './signal-rule-registry.ts';
import * as store from './signal-rule-run.store.ts';

export interface RuleRun {
  id: string;
  settingKey: string;
  at: string;
  finishedAt: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  accounts: number | null;
  opened: number | null;
  closed: number | null;
  error: string | null;
}

export interface RuleSetView {
  settingKey: string;
  module: string;
  rules: RuleView[];
  lastRun: RuleRun | null;
}

const toRun = (r: store.SignalRuleRunRow): RuleRun => ({
  id: r.id,
  settingKey: r.setting_key,
  at: r.at,
  finishedAt: r.finished_at,
  status: r.status as RuleRun['status'],
  accounts: r.accounts,
  opened: r.opened,
  closed: r.closed,
  error: r.error,
});

/** Every rule set of the workspace with its current values, defaults and last re-evaluation. */
export async function listRuleSets(db: Db, workspaceId: string): Promise<RuleSetView[]> {
  const runs = await store.latestRuns(db, workspaceId);
  const out: RuleSetView[] = [];
  for (const set of signalRuleSets()) {
    const value = await readSetting(db, workspaceId, set.setting);
    const run = runs.get(set.setting.key);
    out.push({
      settingKey: set.setting.key,
      module: set.module,
      rules: viewRules(set, value),
      lastRun: run ? toRun(run) : null,
    });
  }
  return out;
}

const setOrThrow = (settingKey: string) => {
  const set = ruleSetOf(settingKey);
  if (!set) throw AppError.notFound(`signal rules ${settingKey}`);
  return set;
};

/**
 * Saves a set's thresholds (validated by its setting, errors naming `body.<rule>.<field>`) and queues the
 * workspace's re-evaluation; answers the set as it now reads with its queued run.
 */
export async function saveRuleSet(
  db: Db,
  actor: Actor,
  workspaceId: string,
  settingKey: string,
  value: unknown,
  now: Date,
): Promise<RuleSetView> {
  const set = setOrThrow(settingKey);
  const saved = await writeSetting(db, actor, workspaceId, set.setting, value);
  const run: RuleRun = {
    id: newId(),
    settingKey,
    at: now.toISOString(),
    finishedAt: null,
    status: 'queued',
    accounts: null,
    opened: null,
    closed: null,
    error: null,
  };
  await store.insertRun(db, {
    id: run.id,
    workspace_id: workspaceId,
    setting_key: settingKey,
    at: run.at,
    status: 'queued',
  });
  await queueJob(db, 'signals.rules-rerun', { runId: run.id }, { workspaceId, runAt: now });
  return { settingKey, module: set.module, rules: viewRules(set, saved), lastRun: run };
}

export async function getRuleRun(db: Db, workspaceId: string, id: string): Promise<RuleRun> {
  const row = await store.findRun(db, workspaceId, id);
  if (!row) throw AppError.notFound('signal rule run');
  return toRun(row);
}

/**
 * Runs a queued re-evaluation: the set's rules for the workspace, in the transaction given, counting the open
 * signals of its kinds that appeared (opened) and went (closed). A run already finished is left as it is.
 */
export async function runRuleRun(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  id: string,
  now: Date,
): Promise<RuleRun | null> {
  const row = await store.findRun(db, workspaceId, id);
  if (!row || row.status === 'done') return null;
  const set = setOrThrow(row.setting_key);
  const kinds = set.rules.flatMap((r) => r.kinds);
  const before = await store.openSignalIds(db, workspaceId, kinds);
  const { accounts } = await set.evaluate(db, { caps, workspaceId, asOf: now.toISOString().slice(0, 10), now });
  const after = await store.openSignalIds(db, workspaceId, kinds);
  const opened = [...after].filter((s) => !before.has(s)).length;
  const closed = [...before].filter((s) => !after.has(s)).length;
  const patch = { status: 'done', finished_at: now.toISOString(), accounts, opened, closed, error: null };
  await store.updateRun(db, workspaceId, id, patch);
  return toRun({ ...row, ...patch });
}

/** Records that a run failed (its job gave up), so the page says so. */
export const failRuleRun = (db: Db, workspaceId: string, id: string, error: string) =>
  store.updateRun(db, workspaceId, id, { status: 'failed', finished_at: nowIso(), error: error.slice(0, 500) });
