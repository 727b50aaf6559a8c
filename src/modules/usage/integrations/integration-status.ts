/**
 * Integration health (pure): sync reports per account × integration, counted per UTC day, and the decay rules
 * of DESIGN §4 — the error rate of the last 7 days above `spikeFactor` × its baseline (the `baselineDays`
 * before those 7 days, with a minimum volume), or no successful sync for `noSyncDays` days.
 */
import { hash } from 'node:crypto';
import { addDays, isDay } from '../adoption/adoption.ts';

export const INTEGRATION_STATUSES = ['ok', 'error'] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

/** One report with its account resolved. */
export interface StatusReport {
  accountId: string;
  integration: string;
  status: IntegrationStatus;
  detail: string | null;
  occurredAt: string;
}

/** What makes a report the same report sent again: its source and report id, else its source, account, integration and time. */
export interface ReportIdentity {
  /** Who reported ('' when the report names none). */
  source: string;
  reportId: string | null;
  /** The account as the report names it. */
  account: string;
  integration: string;
  /** ISO-8601 UTC. */
  occurredAt: string;
}

/**
 * The key a report is recognised by when it comes again (sent twice, a CSV imported again): a digest of its source
 * and report id when it has one, else of its source, account as named (case ignored), integration and time.
 */
export function reportKey(r: ReportIdentity): string {
  const parts =
    r.reportId !== null
      ? ['id', r.source, r.reportId]
      : ['at', r.source, r.account.trim().toLowerCase(), r.integration, r.occurredAt];
  return hash('sha256', JSON.stringify(parts), 'base64url');
}

export interface DayCount {
  accountId: string;
  integration: string;
  day: string;
  ok: number;
  errors: number;
}

/** What a set of reports says of the latest state of each account × integration. */
export interface LatestState {
  accountId: string;
  integration: string;
  firstReportedAt: string;
  lastReportedAt: string;
  lastStatus: IntegrationStatus;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastErrorDetail: string | null;
}

const keyOf = (accountId: string, integration: string) => JSON.stringify([accountId, integration]);

/** Reports summed per account × integration × day, keys sorted (writers lock rows in the same order). */
export function dayCounts(reports: readonly StatusReport[]): DayCount[] {
  const out = new Map<string, DayCount>();
  for (const r of reports) {
    const day = r.occurredAt.slice(0, 10);
    const k = JSON.stringify([r.accountId, r.integration, day]);
    const c = out.get(k) ?? { accountId: r.accountId, integration: r.integration, day, ok: 0, errors: 0 };
    if (r.status === 'ok') c.ok += 1;
    else c.errors += 1;
    out.set(k, c);
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
}

/** Merges reports into the known latest states; reports may arrive out of order, so each field keeps the latest. */
export function mergeLatest(known: ReadonlyMap<string, LatestState>, reports: readonly StatusReport[]): LatestState[] {
  const out = new Map(known);
  for (const r of reports) {
    const k = keyOf(r.accountId, r.integration);
    const s: LatestState = out.get(k) ?? {
      accountId: r.accountId,
      integration: r.integration,
      firstReportedAt: r.occurredAt,
      lastReportedAt: r.occurredAt,
      lastStatus: r.status,
      lastSuccessAt: null,
      lastErrorAt: null,
      lastErrorDetail: null,
    };
    const next = { ...s };
    if (r.occurredAt < next.firstReportedAt) next.firstReportedAt = r.occurredAt;
    if (r.occurredAt >= next.lastReportedAt) {
      next.lastReportedAt = r.occurredAt;
      next.lastStatus = r.status;
    }
    if (r.status === 'ok' && (next.lastSuccessAt === null || r.occurredAt > next.lastSuccessAt))
      next.lastSuccessAt = r.occurredAt;
    if (r.status === 'error' && (next.lastErrorAt === null || r.occurredAt >= next.lastErrorAt)) {
      next.lastErrorAt = r.occurredAt;
      next.lastErrorDetail = r.detail;
    }
    out.set(k, next);
  }
  const touched = new Set(reports.map((r) => keyOf(r.accountId, r.integration)));
  return [...touched].sort().map((k) => out.get(k) as LatestState);
}

export const latestKey = (s: Pick<LatestState, 'accountId' | 'integration'>) => keyOf(s.accountId, s.integration);

export interface DecayThresholds {
  spikeFactor: number;
  baselineDays: number;
  minReports: number;
  minErrors: number;
  noSyncDays: number;
}

export interface IntegrationHealth {
  reports7d: number;
  errors7d: number;
  errorRate7d: number | null;
  baselineReports: number;
  baselineErrorRate: number | null;
  /** Last day with a successful sync on or before the day looked at (null: none known). */
  lastSuccessDay: string | null;
  daysSinceSuccess: number | null;
  errorSpike: boolean;
  noRecentSync: boolean;
}

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The health of one account × integration on `asOf` from its daily counts and latest state. A baseline with
 * no errors (or no reports) counts as 0 %: any error rate above it is a spike once the minimum volume is met.
 * No recent sync needs the integration known for at least `noSyncDays` days, so a new one is not flagged.
 */
export function integrationHealth(
  asOf: string,
  days: readonly Pick<DayCount, 'day' | 'ok' | 'errors'>[],
  latest: Pick<LatestState, 'firstReportedAt' | 'lastSuccessAt'>,
  t: DecayThresholds,
): IntegrationHealth {
  const from7 = addDays(asOf, -6);
  const fromB = addDays(from7, -t.baselineDays);
  let ok7 = 0;
  let err7 = 0;
  let okB = 0;
  let errB = 0;
  let lastSuccessDay: string | null = null;
  for (const d of days) {
    if (d.day > asOf) continue;
    if (d.ok > 0 && (lastSuccessDay === null || d.day > lastSuccessDay)) lastSuccessDay = d.day;
    if (d.day >= from7) {
      ok7 += d.ok;
      err7 += d.errors;
    } else if (d.day >= fromB) {
      okB += d.ok;
      errB += d.errors;
    }
  }
  const known = latest.lastSuccessAt?.slice(0, 10) ?? null;
  if (lastSuccessDay === null && known !== null && known <= asOf) lastSuccessDay = known;
  const reports7d = ok7 + err7;
  const errorRate7d = reports7d > 0 ? err7 / reports7d : null;
  const baselineReports = okB + errB;
  const baselineErrorRate = baselineReports > 0 ? errB / baselineReports : null;
  const errorSpike =
    errorRate7d !== null &&
    reports7d >= t.minReports &&
    err7 >= t.minErrors &&
    errorRate7d > t.spikeFactor * (baselineErrorRate ?? 0);
  const firstDay = latest.firstReportedAt.slice(0, 10);
  const knownLongEnough = daysBetween(firstDay, asOf) >= t.noSyncDays;
  const daysSinceSuccess = lastSuccessDay === null ? null : daysBetween(lastSuccessDay, asOf);
  const noRecentSync =
    knownLongEnough && firstDay <= asOf && (daysSinceSuccess === null || daysSinceSuccess >= t.noSyncDays);
  return {
    reports7d,
    errors7d: err7,
    errorRate7d,
    baselineReports,
    baselineErrorRate,
    lastSuccessDay,
    daysSinceSuccess,
    errorSpike,
    noRecentSync,
  };
}

export interface RawReport {
  account?: unknown;
  integration?: unknown;
  status?: unknown;
  detail?: unknown;
  occurredAt?: unknown;
}

/** An instant as ISO-8601 UTC text: a full timestamp with a zone, or a bare day (midnight UTC); null when unreadable. */
export function instantOf(text: string): string | null {
  const v = text.trim();
  if (isDay(v)) return `${v}T00:00:00.000Z`;
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v)) return null;
  const d = new Date(v.replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A report read from a CSV row, its account as the file names it. */
export interface StatusRow extends Omit<StatusReport, 'accountId'> {
  account: string;
  source: string | null;
  reportId: string | null;
}

/**
 * A CSV row of an integration-status file (columns account, integration, status, detail, occurred_at, and
 * optionally source and report_id), checked.
 */
export function readStatusRow(
  values: Record<string, string>,
  row: number,
): { ok: true; report: StatusRow } | { ok: false; errors: Array<{ row: number; field: string; reason: string }> } {
  const get = (name: string) => (values[name] ?? '').trim();
  const errors: Array<{ row: number; field: string; reason: string }> = [];
  const account = get('account');
  const integration = get('integration');
  const status = get('status').toLowerCase();
  const when = get('occurred_at');
  if (!account) errors.push({ row, field: 'account', reason: 'required: a Baton account id, a CRM id or a domain' });
  if (!integration) errors.push({ row, field: 'integration', reason: 'required' });
  else if (integration.length > 100) errors.push({ row, field: 'integration', reason: 'longer than 100 characters' });
  if (!(INTEGRATION_STATUSES as readonly string[]).includes(status))
    errors.push({ row, field: 'status', reason: `must be ok or error${status ? ` (not ${status})` : ''}` });
  const occurredAt = when ? instantOf(when) : null;
  if (!when) errors.push({ row, field: 'occurred_at', reason: 'required' });
  else if (occurredAt === null)
    errors.push({ row, field: 'occurred_at', reason: `${when} is not an ISO date or timestamp with a time zone` });
  const source = get('source');
  const reportId = get('report_id');
  if (source.length > 100) errors.push({ row, field: 'source', reason: 'longer than 100 characters' });
  if (reportId.length > 200) errors.push({ row, field: 'report_id', reason: 'longer than 200 characters' });
  if (errors.length) return { ok: false, errors };
  const detail = get('detail');
  return {
    ok: true,
    report: {
      account,
      integration,
      status: status as IntegrationStatus,
      detail: detail ? detail.slice(0, 1000) : null,
      occurredAt: occurredAt as string,
      source: source || null,
      reportId: reportId || null,
    },
  };
}
