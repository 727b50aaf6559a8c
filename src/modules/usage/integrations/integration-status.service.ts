/** Use cases of integration health: recording sync reports (API, CSV) and reading each integration's health. */
import { accountNamesById, getAccount, accountsByReference } from '../../accounts/index.ts';
import type { Scope } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, type FieldError } from '../../../platform/errors/app-error.ts';
import { nowIso } from '../../../platform/ids.ts';
import { addDays } from '../adoption/adoption.ts';
import {
  type DecayThresholds,
  dayCounts,
  type IntegrationHealth,
  type IntegrationStatus,
  integrationHealth,
  latestKey,
  mergeLatest,
  reportKey,
  type StatusReport,
} from './integration-status.ts';
import * as store from './integration-status.store.ts';

/** A report as a client names its account: Baton id, CRM id or domain. */
export interface ReportInput {
  account: string;
  integration: string;
  status: IntegrationStatus;
  detail?: string | null;
  occurredAt: string;
  /** Who reports (an iPaaS, a connector); with `reportId`, what recognises a report sent again. */
  source?: string | null;
  /** The reporter's own id for this report: when given, a report is the same report whatever else it says. */
  reportId?: string | null;
}

/** Reports dated further ahead than this are refused: a clock that far off would hide decay for days. */
const MAX_FUTURE_MS = 24 * 3_600_000;

/** Why one report (by its index among the inputs) was refused, and on which of its fields. */
export interface ReportProblem {
  index: number;
  field: 'occurredAt';
  message: string;
}

/** What became of one report received: counted now, received before (or twice in one batch), or kept aside until its account is known. */
export type ReportOutcome = 'stored' | 'duplicate' | 'kept_aside';

/** The reports that cannot be taken at all (their time too far ahead), which the caller names its own way (API path, CSV row). */
export function reportProblems(inputs: readonly ReportInput[], now: Date = new Date()): ReportProblem[] {
  const limit = new Date(now.getTime() + MAX_FUTURE_MS).toISOString();
  return inputs.flatMap((input, index) =>
    new Date(input.occurredAt).toISOString() > limit
      ? [{ index, field: 'occurredAt' as const, message: 'is more than a day in the future' }]
      : [],
  );
}

const toStatusReport = (r: store.ReportRow): StatusReport => ({
  accountId: r.account_id as string,
  integration: r.integration,
  status: r.status as IntegrationStatus,
  detail: r.detail,
  occurredAt: r.occurred_at,
});

/**
 * Receives checked reports (see `reportProblems`), each once: a report received before — by its source and report
 * id, else its source, account as named, integration and time — is a duplicate and counts nothing; one whose
 * account Baton does not know (or cannot tell from another) is kept aside and counted when its account appears
 * (`matchKeptAsideReports`). Answers each report's outcome, in order.
 */
export async function receiveReports(
  db: Db,
  workspaceId: string,
  inputs: readonly ReportInput[],
): Promise<ReportOutcome[]> {
  const accounts = await accountsByReference(
    db,
    workspaceId,
    inputs.map((i) => i.account.trim()),
  );
  const receivedAt = nowIso();
  const rows = inputs.map((input): store.ReportRow => {
    const account = input.account.trim();
    const source = input.source?.trim() ?? '';
    const reportId = input.reportId?.trim() || null;
    const integration = input.integration.trim();
    const occurredAt = new Date(input.occurredAt).toISOString();
    return {
      workspace_id: workspaceId,
      report_key: reportKey({ source, reportId, account, integration, occurredAt }),
      source,
      report_id: reportId,
      account_ref: account,
      account_id: accounts.get(account) ?? null,
      integration,
      status: input.status,
      detail: input.detail?.trim() || null,
      occurred_at: occurredAt,
      received_at: receivedAt,
    };
  });
  const firstOfKey = new Map<string, store.ReportRow>();
  for (const r of rows) if (!firstOfKey.has(r.report_key)) firstOfKey.set(r.report_key, r);
  const inserted = await store.insertNewReports(db, [...firstOfKey.values()]);
  const outcomes = rows.map((r): ReportOutcome => {
    if (firstOfKey.get(r.report_key) !== r || !inserted.has(r.report_key)) return 'duplicate';
    return r.account_id ? 'stored' : 'kept_aside';
  });
  await storeReports(db, workspaceId, rows.filter((_, i) => outcomes[i] === 'stored').map(toStatusReport));
  return outcomes;
}

/** Adds reports with their account to the daily counts and latest states. */
export async function storeReports(db: Db, workspaceId: string, reports: readonly StatusReport[]): Promise<void> {
  if (reports.length === 0) return;
  await store.addDayCounts(db, workspaceId, dayCounts(reports));
  const accountIds = [...new Set(reports.map((r) => r.accountId))];
  const known = new Map((await store.selectLatest(db, workspaceId, accountIds)).map((s) => [latestKey(s), s]));
  await store.upsertLatest(db, workspaceId, mergeLatest(known, reports), nowIso());
}

/** Counts the reports kept aside whose account is now known (run when accounts appear); answers how many. */
export async function matchKeptAsideReports(db: Db, workspaceId: string): Promise<number> {
  const refs = await store.selectWaitingAccountRefs(db, workspaceId);
  if (refs.length === 0) return 0;
  const accounts = await accountsByReference(db, workspaceId, refs);
  const matched: StatusReport[] = [];
  for (const [ref, accountId] of [...accounts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    matched.push(...(await store.matchWaitingReports(db, workspaceId, ref, accountId)).map(toStatusReport));
  }
  await storeReports(db, workspaceId, matched);
  return matched.length;
}

/** What the API answers for a batch of reports. */
export interface ReceivedReports {
  received: number;
  /** Counted now. */
  stored: number;
  /** Received before (or twice in the batch): counted once only. */
  duplicates: number;
  /** Their account is not known yet: kept, and counted when it is created or imported. */
  keptAside: number;
  /** The reports kept aside, by index, with the account they name. */
  waiting: Array<{ index: number; account: string }>;
}

/**
 * Records reports sent to the API: none when one is refused (each refusal named); otherwise each once, those of
 * unknown accounts kept aside. `now` is the clock reports may not run ahead of (the demo passes its own day).
 */
export async function recordReports(
  db: Db,
  workspaceId: string,
  inputs: readonly ReportInput[],
  fieldOf: (index: number, name: string) => string,
  now: Date = new Date(),
): Promise<ReceivedReports> {
  const errors: FieldError[] = reportProblems(inputs, now).map((p) => ({
    field: fieldOf(p.index, p.field),
    message: p.message,
  }));
  if (errors.length)
    throw new AppError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { fieldErrors: errors });
  const outcomes = await receiveReports(db, workspaceId, inputs);
  const waiting = outcomes.flatMap((o, index) =>
    o === 'kept_aside' ? [{ index, account: (inputs[index] as ReportInput).account.trim() }] : [],
  );
  const count = (o: ReportOutcome) => outcomes.filter((x) => x === o).length;
  return {
    received: inputs.length,
    stored: count('stored'),
    duplicates: count('duplicate'),
    keptAside: waiting.length,
    waiting,
  };
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
export async function integrationRows(
  db: Db,
  scope: Scope,
  asOf: string,
  t: DecayThresholds,
  accountId?: string,
): Promise<IntegrationRow[]> {
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
    .sort(
      (a, b) =>
        Number(b.errorSpike || b.noRecentSync) - Number(a.errorSpike || a.noRecentSync) ||
        a.accountName.localeCompare(b.accountName) ||
        a.integration.localeCompare(b.integration),
    );
}
