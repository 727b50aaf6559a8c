/**
 * The workspace's churn-risk model: its history (accounts with a known renewal outcome, their custom attributes
 * and the other modules' features as of the outcome's day), the backtest, the fitted model and the scores of
 * the accounts whose outcome is still unknown.
 */
import { accountNamesOf, listAccountAttributes } from '../accounts/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { BacktestResult } from './risk/backtest.ts';
import type { AccountRow, Cell, Dropped } from './risk/dataset.ts';
import { backtestAccounts, fitRiskModel, scoreAccounts, type Driver } from './risk/risk-model.ts';
import { moduleFeatures } from './risk-features.service.ts';
import * as store from './risk.store.ts';

/** The outcome's key in the model's rows: no file header reads like it. */
const OUTCOME = '\u0000renewal outcome';
export const MIN_LABELLED = 20;
export const MIN_PER_CLASS = 5;

export interface RiskHistory {
  labelled: Array<{ accountId: string; name: string; row: AccountRow }>;
  unlabelled: Array<{ accountId: string; name: string; row: AccountRow }>;
  attributes: string[];
}

/**
 * Every account with attributes or an outcome, as model rows: its own attributes and the other modules' features
 * read on its own day (risk-features.ts: `today` for the accounts still to score, a horizon before the outcome
 * for the others, so no record the outcome caused is learnt from).
 */
export async function loadHistory(db: Db, workspaceId: string, today: string): Promise<RiskHistory> {
  const accounts = await listAccountAttributes(db, workspaceId);
  const features = await moduleFeatures(
    db,
    workspaceId,
    accounts.map((a) => ({ accountId: a.accountId, outcome: a.outcome, recordedOn: a.outcomeRecordedOn })),
    today,
  );
  const names = new Set<string>();
  const labelled: RiskHistory['labelled'] = [];
  const unlabelled: RiskHistory['unlabelled'] = [];
  for (const a of accounts) {
    const row: Record<string, Cell> = { ...a.attributes, ...features.get(a.accountId)?.features };
    if (a.outcome === null) unlabelled.push({ accountId: a.accountId, name: a.name, row });
    else {
      for (const k of Object.keys(row)) names.add(k);
      labelled.push({ accountId: a.accountId, name: a.name, row: { ...row, [OUTCOME]: a.outcome } });
    }
  }
  return { labelled, unlabelled, attributes: [...names] };
}

/** Refuses, naming what is missing, a history too small to learn from. */
function assertEnough(history: RiskHistory): void {
  const n = history.labelled.length;
  const churned = history.labelled.filter((l) => l.row[OUTCOME] === 1).length;
  const how =
    'import accounts with --outcome <column> (and --attributes <columns>) to give Baton accounts with a known renewal outcome';
  if (n < MIN_LABELLED)
    throw AppError.validation(
      'outcome',
      `the model needs at least ${MIN_LABELLED} accounts with a known renewal outcome; this workspace has ${n}: ${how}`,
    );
  if (churned < MIN_PER_CLASS || n - churned < MIN_PER_CLASS)
    throw AppError.validation(
      'outcome',
      `the model needs at least ${MIN_PER_CLASS} churned and ${MIN_PER_CLASS} retained accounts; this workspace has ${churned} churned and ${n - churned} retained`,
    );
  if (history.attributes.length === 0)
    throw AppError.validation('attributes', `the accounts with an outcome have no attributes to learn from: ${how}`);
}

export interface StoredBacktest {
  id: string;
  createdAt: string;
  folds: number;
  result: BacktestResult;
  dropped: Dropped[];
}

/** Runs the k-fold backtest on the workspace's history and stores it. */
export async function runBacktest(
  db: Db,
  workspaceId: string,
  options: { folds?: number; today?: string } = {},
): Promise<StoredBacktest> {
  const folds = options.folds ?? 10;
  if (!Number.isInteger(folds) || folds < 2 || folds > 20)
    throw AppError.validation('folds', `must be a whole number from 2 to 20, not ${String(folds)}`);
  const now = nowIso();
  const history = await loadHistory(db, workspaceId, options.today ?? now.slice(0, 10));
  assertEnough(history);
  const { result, dropped } = backtestAccounts(
    history.labelled.map((l) => l.row),
    history.attributes,
    OUTCOME,
    { folds },
  );
  const stored = { id: newId(), createdAt: now, folds, result, dropped };
  await store.insertBacktest(db, {
    id: stored.id,
    workspace_id: workspaceId,
    folds,
    result: JSON.stringify({ ...result, dropped }),
    created_at: now,
  });
  return stored;
}

export async function latestBacktest(db: Db, workspaceId: string): Promise<StoredBacktest | null> {
  const row = await store.latestBacktest(db, workspaceId);
  if (!row) return null;
  const { dropped, ...result } = JSON.parse(row.result) as BacktestResult & { dropped: Dropped[] };
  return { id: row.id, createdAt: row.created_at, folds: row.folds, result, dropped };
}

export interface RiskScore {
  accountId: string;
  account: string;
  probability: number;
  decile: number;
  drivers: Driver[];
  scoredAt: string;
}

/** Fits the model on every labelled account and scores (and stores the scores of) every account without an outcome. */
export async function scoreWorkspace(
  db: Db,
  workspaceId: string,
  options: { today?: string } = {},
): Promise<{ modelId: string; chosen: string; trained: { n: number; positives: number }; scores: RiskScore[] }> {
  const now = nowIso();
  const history = await loadHistory(db, workspaceId, options.today ?? now.slice(0, 10));
  assertEnough(history);
  const model = fitRiskModel(
    history.labelled.map((l) => l.row),
    history.attributes,
    OUTCOME,
  );
  const scored = scoreAccounts(
    model,
    history.unlabelled.map((u) => u.row),
  );
  const modelId = newId();
  const scores = history.unlabelled
    .map((u, i) => ({ accountId: u.accountId, account: u.name, ...scored[i]!, scoredAt: now }))
    .sort((a, b) => b.probability - a.probability || (a.accountId < b.accountId ? -1 : 1));
  await db.transaction().execute(async (trx) => {
    await store.insertModel(trx, {
      id: modelId,
      workspace_id: workspaceId,
      model: JSON.stringify(model),
      created_at: now,
    });
    await store.replaceScores(
      trx,
      workspaceId,
      scores.map((s) => ({
        account_id: s.accountId,
        workspace_id: workspaceId,
        model_id: modelId,
        probability: s.probability,
        decile: s.decile,
        drivers: JSON.stringify(s.drivers),
        scored_at: now,
      })),
    );
  });
  return { modelId, chosen: model.chosen, trained: model.trained, scores };
}

type ScoreRow = Awaited<ReturnType<typeof store.scoreOf>> & object;
const toScore = (r: ScoreRow, name: string): RiskScore => ({
  accountId: r.account_id,
  account: name,
  probability: Number(r.probability),
  decile: Number(r.decile),
  drivers: JSON.parse(r.drivers) as Driver[],
  scoredAt: r.scored_at,
});

/** Scores with their accounts' names, read through accounts' face. */
async function named(db: Db, workspaceId: string, rows: readonly ScoreRow[]): Promise<RiskScore[]> {
  const names = await accountNamesOf(
    db,
    workspaceId,
    rows.map((r) => r.account_id),
  );
  return rows.flatMap((r) => {
    const name = names.get(r.account_id);
    return name === undefined ? [] : [toScore(r, name)];
  });
}

export const listRiskScores = async (db: Db, workspaceId: string, limit = 100, offset = 0) =>
  named(db, workspaceId, await store.listScores(db, workspaceId, limit, offset));

export const riskScoreOf = async (db: Db, workspaceId: string, accountId: string) => {
  const r = await store.scoreOf(db, workspaceId, accountId);
  return r ? ((await named(db, workspaceId, [r]))[0] ?? null) : null;
};
