/** Use cases of integration health: recording sync reports (API, CSV) and reading each integration's health. */
import { accountNamesById, getAccount } from '../../accounts/account.service.ts';
import { accountsByReference } from '../../accounts/account-lookup.service.ts';
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import { nowIso } from '../../../platform/ids.ts';
import { addDays } from '../adoption.ts';
import { type DecayThresholds, dayCounts, type IntegrationHealth, type IntegrationStatus, integrationHealth, latestKey, mergeLatest, type StatusReport } from './integration-status.ts';
import * as store from './integration-status.store.ts';

/** A report as a client names its account: Baton id, CRM id or domain. */
export interface ReportInput {
  account: string;
  integration: string;
  status: IntegrationStatus;
  detail?: string | null;
  occurredAt: string;
}

/** Reports dated further ahead than this are refused: a clock that far off would hide decay for days. */
const MAX_FUTURE_MS = 24 * 3_600_000;

/** Why one report (by its index among the inputs) was refused, and on which of its fields. */
export interface ReportProblem {
  index: number;
  field: 'account' | 'occurredAt';
  message: string;
}

/**
 * Resolves each report's account; answers the reports resolved and a problem for each that is not (its account
 * unknown or ambiguous, or its time too far ahead), which the caller names its own way (API path, CSV row).
 */
export async function resolveReports(
  db: Db,
  workspaceId: string,
  inputs: readonly ReportInput[],
  now: Date = new Date(),
): Promise<{ reports: Array<StatusReport | null>; problems: ReportProblem[] }> {
  const accounts = await accountsByReference(db, workspaceId, inputs.map((i) => i.account.trim()));
  const problems: ReportProblem[] = [];
  const limit = new Date(now.getTime() + MAX_FUTURE_MS).toISOString();
  const reports = inputs.map((input, i) => {
    const accountId = accounts.get(input.account.trim());
    let ok = true;
    if (!accountId) {
      problems.push({ index: i, field: 'account', message: `no account (or more than one) has the id, CRM id or domain ${input.account}` });
      ok = false;
    }
    const occurredAt = new Date(input.occurredAt).toISOString();
    if (occurredAt > limit) {
      problems.push({ index: i, field: 'occurredAt', message: 'is more than a day in the future' });
      ok = false;
    }
    return ok ? { accountId: accountId as string, integration: input.integration.trim(), status: input.status, detail: input.detail?.trim() || null, occurredAt } : null;
  });
  return { reports, problems };
}

/** Adds resolved reports to the daily counts and latest states. */
export async function storeReports(db: Db, workspaceId: string, reports: readonly StatusReport[]): Promise<void> {
  if (reports.length === 0) return;
  await store.addDayCounts(db, workspaceId, dayCounts(reports));
  const accountIds = [...new Set(reports.map((r) => r.accountId))];
  const known = new Map((await store.selectLatest(db, workspaceId, accountIds)).map((s) => [latestKey(s), s]));
  await store.upsertLatest(db, workspaceId, mergeLatest(known, reports), nowIso());
}

/**
 * Records reports sent to the API: all of them, or none when one is refused (each refusal named). `now` is the
 * clock reports may not run ahead of (the demo passes its own day).
 */
export async function recordReports(
  db: Db,
  workspaceId: string,
  inputs: readonly ReportInput[],
  fieldOf: (index: number, name: string) => string,
  now: Date = new Date(),
): Promise<{ received: number; stored: number }> {
  const { reports, problems } = await resolveReports(db, workspaceId, inputs, now);
  const errors: FieldError[] = problems.map((p) => ({ field: fieldOf(p.index, p.field), message: p.message }));
  if (errors.length) throw new AppError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { fieldErrors: errors });
  await storeReports(db, workspaceId, reports as StatusReport[]);
  return { received: inputs.length, stored: reports.length };
}

export interface IntegrationRow extends IntegrationHealth {
  accountId: string;
  accountName: string;
  integration: string;
  lastStatus: IntegrationStatus;
  lastReportedAt: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastErrorDetail: string | null;
}

/** The health of every account × integration the scope sees (or one account's) on `asOf`. */
export async function integrationRows(db: Db, scope: Scope, asOf: string, t: DecayThresholds, accountId?: string): Promise<IntegrationRow[]> {
  if (accountId) await getAccount(db, scope, accountId);
  const names = await accountNamesById(db, scope);
  const ids = accountId ? [accountId] : null;
  const latest = (await store.selectLatest(db, scope.workspaceId, ids)).filter((s) => names.has(s.accountId));
  const days = await store.selectDays(db, scope.workspaceId, ids, addDays(asOf, -(6 + t.baselineDays)), asOf);
  const byKey = new Map<string, typeof days>();
  for (const d of days) {
    const k = latestKey(d);
    byKey.set(k, [...(byKey.get(k) ?? []), d]);
  }
  return latest
    .filter((s) => s.firstReportedAt.slice(0, 10) <= asOf)
    .map((s) => ({
      accountId: s.accountId,
      accountName: names.get(s.accountId) as string,
      integration: s.integration,
      lastStatus: s.lastStatus,
      lastReportedAt: s.lastReportedAt,
      lastSuccessAt: s.lastSuccessAt,
      lastErrorAt: s.lastErrorAt,
      lastErrorDetail: s.lastErrorDetail,
      ...integrationHealth(asOf, byKey.get(latestKey(s)) ?? [], s, t),
    }))
    .sort((a, b) => Number(b.errorSpike || b.noRecentSync) - Number(a.errorSpike || a.noRecentSync) || a.accountName.localeCompare(b.accountName) || a.integration.localeCompare(b.integration));
}
