/**
 * The accounts at risk as people read them: each scored account's probability and decile, its ARR today and the
 * ARR at risk (probability × ARR, from revenue's face), its next renewal, and its drivers in sentences.
 */
import { accountNamesOf } from '../accounts/index.ts';
import { arrReport, renewalReport } from '../revenue/index.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { driverSentence } from './driver-sentence.ts';
import type { Driver, RiskModel } from './risk/risk-model.ts';
import * as store from './risk.store.ts';

export const RISK_SORTS = ['arr_at_risk', 'probability'] as const;
export type RiskSort = (typeof RISK_SORTS)[number];

/** Renewals further away than this are not looked for. */
const RENEWAL_HORIZON_DAYS = 730;

export interface AccountRisk {
  accountId: string;
  account: string;
  probability: number;
  decile: number;
  arr: number;
  arrAtRisk: number;
  nextRenewal: string | null;
  drivers: Array<Driver & { sentence: string }>;
  scoredAt: string;
}

export interface AccountRiskList {
  currency: string;
  /** Σ ARR at risk over every scored account (not only this page). */
  totalArrAtRisk: number;
  /** Σ ARR of the scored accounts. */
  totalArr: number;
  total: number;
  scoredAt: string | null;
  /** The learner the scores came from, in words. */
  model: string | null;
  items: AccountRisk[];
}

/** The value each numeric attribute's push is measured from: the average account (logistic) or the median (boosting). */
function usualValues(model: RiskModel | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of model?.preprocess.features ?? [])
    if (f.kind === 'numeric') out.set(f.attribute, model?.model.kind === 'logistic' ? f.mean : f.median);
  return out;
}

const cents = (n: number) => Math.round(n * 100) / 100;

export async function readAll(db: Db, caps: DialectCapabilities, workspaceId: string, today: string) {
  const scored = await store.allScores(db, workspaceId);
  const names = await accountNamesOf(
    db,
    workspaceId,
    scored.map((r) => r.account_id),
  );
  const rows = scored.flatMap((r) => {
    const name = names.get(r.account_id);
    return name === undefined ? [] : [{ ...r, name }];
  });
  const modelRow = rows[0] ? await store.modelOf(db, workspaceId, rows[0].model_id) : undefined;
  const model = modelRow ? (JSON.parse(modelRow.model) as RiskModel) : null;
  const usual = usualValues(model);
  const arr = await arrReport(db, caps, workspaceId, today);
  const arrOf = new Map(arr.accounts.map((a) => [a.accountId, a.arr]));
  const renewals = await renewalReport(db, caps, workspaceId, today, RENEWAL_HORIZON_DAYS);
  const renewalOf = new Map<string, string>();
  for (const r of renewals.items) {
    const seen = renewalOf.get(r.accountId);
    if (!seen || r.date < seen) renewalOf.set(r.accountId, r.date);
  }
  const items = rows.map((r): AccountRisk => {
    const probability = Number(r.probability);
    const accountArr = arrOf.get(r.account_id) ?? 0;
    return {
      accountId: r.account_id,
      account: r.name,
      probability,
      decile: Number(r.decile),
      arr: accountArr,
      arrAtRisk: cents(probability * accountArr),
      nextRenewal: renewalOf.get(r.account_id) ?? null,
      drivers: (JSON.parse(r.drivers) as Driver[]).map((d) => ({
        ...d,
        sentence: driverSentence(d, usual.get(d.attribute)),
      })),
      scoredAt: r.scored_at,
    };
  });
  return { items, currency: arr.currency, model: model?.chosen ?? null, arrOf };
}

export async function listAccountRisks(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  today: string,
  page: { sort: RiskSort; limit: number; offset: number },
): Promise<AccountRiskList> {
  const { items, currency, model } = await readAll(db, caps, workspaceId, today);
  const sorted =
    page.sort === 'probability'
      ? items
      : [...items].sort((a, b) => b.arrAtRisk - a.arrAtRisk || b.probability - a.probability);
  return {
    currency,
    totalArrAtRisk: cents(items.reduce((s, i) => s + i.arrAtRisk, 0)),
    totalArr: cents(items.reduce((s, i) => s + i.arr, 0)),
    total: items.length,
    scoredAt: items[0]?.scoredAt ?? null,
    model,
    items: sorted.slice(page.offset, page.offset + page.limit),
  };
}

export async function accountRiskOf(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  today: string,
  accountId: string,
): Promise<AccountRisk & { currency: string; model: string | null }> {
  const { items, currency, model } = await readAll(db, caps, workspaceId, today);
  const found = items.find((i) => i.accountId === accountId);
  if (!found) throw AppError.notFound('risk score of the account');
  return { ...found, currency, model };
}
