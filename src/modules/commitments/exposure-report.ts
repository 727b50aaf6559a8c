/**
 * The exposure report (pure): three lists of promises that put a customer relationship at risk —
 * exposed (product's status weaker than the words), overdue (due date passed, not shipped), and open on
 * accounts renewing soon — each row saying why it is listed.
 */
import {
  type Commitment,
  COMMITMENT_STATUSES,
  type CommitmentStatus,
  daysBetween,
  daysOverdue,
  exposureOf,
  statusWords,
  type Strength,
} from './commitment.ts';

export const DEFAULT_RENEWAL_WINDOW_DAYS = 180;

export interface ExposureRow {
  commitmentId: string;
  accountId: string;
  accountName: string | null;
  what: string;
  words: string;
  strength: Strength;
  matchedPhrase: string | null;
  status: CommitmentStatus;
  dueDate: string | null;
  /** Days past the due date while not shipped; null when not overdue. */
  daysOverdue: number | null;
  renewalDate: string | null;
  /** Days from today to the account's renewal; null when it has no renewal date. */
  daysToRenewal: number | null;
  /** Why the promise is in this list. */
  reason: string;
}

export interface ExposureSection {
  /** Promises listed. */
  count: number;
  /** Distinct accounts among them. */
  accounts: number;
  /** Promises listed per product status (every status present, 0 when none). */
  byStatus: Record<CommitmentStatus, number>;
  rows: ExposureRow[];
}

export interface ExposureReport {
  today: string;
  withinDays: number;
  totals: {
    /** Promises in the ledger. */
    commitments: number;
    /** Of those, not shipped. */
    open: number;
    /** Distinct promises in at least one list. */
    listed: number;
    /** Distinct accounts with a promise in at least one list. */
    accounts: number;
  };
  exposed: ExposureSection;
  overdue: ExposureSection;
  renewing: ExposureSection;
}

type ReportCommitment = Pick<
  Commitment,
  'id' | 'accountId' | 'accountName' | 'what' | 'words' | 'strength' | 'matchedPhrase' | 'status' | 'dueDate'
>;

function section(rows: ExposureRow[]): ExposureSection {
  const byStatus = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<CommitmentStatus, number>;
  for (const r of rows) byStatus[r.status] += 1;
  return { count: rows.length, accounts: new Set(rows.map((r) => r.accountId)).size, byStatus, rows };
}

/**
 * Builds the report as of `today` (YYYY-MM-DD). `renewals` gives each account's renewal date; a promise is in
 * the renewing list when its account renews between today and `withinDays` from now (both included) and
 * the promise is not shipped.
 */
export function exposureReport(
  commitments: readonly ReportCommitment[],
  renewals: ReadonlyMap<string, string | null>,
  today: string,
  withinDays = DEFAULT_RENEWAL_WINDOW_DAYS,
): ExposureReport {
  const exposed: Array<ExposureRow & { gap: number }> = [];
  const overdue: ExposureRow[] = [];
  const renewing: ExposureRow[] = [];
  for (const c of commitments) {
    const renewalDate = renewals.get(c.accountId) ?? null;
    const toRenewal = renewalDate === null ? null : daysBetween(today, renewalDate);
    const late = daysOverdue(c, today);
    const base = {
      commitmentId: c.id,
      accountId: c.accountId,
      accountName: c.accountName,
      what: c.what,
      words: c.words,
      strength: c.strength,
      matchedPhrase: c.matchedPhrase,
      status: c.status,
      dueDate: c.dueDate,
      daysOverdue: late,
      renewalDate,
      daysToRenewal: toRenewal,
    };
    const status = statusWords(c.status);
    const e = exposureOf({ strength: c.strength, phrase: c.matchedPhrase }, c.status);
    if (e.exposed) exposed.push({ ...base, gap: e.gap, reason: e.reason ?? '' });
    if (late !== null) {
      overdue.push({
        ...base,
        reason: `due ${c.dueDate}, ${late} day${late === 1 ? '' : 's'} ago, and product's status is ${status}`,
      });
    }
    if (toRenewal !== null && toRenewal >= 0 && toRenewal <= withinDays && c.status !== 'shipped') {
      const when = toRenewal === 0 ? 'today' : `in ${toRenewal} day${toRenewal === 1 ? '' : 's'}`;
      renewing.push({
        ...base,
        reason: `the account renews on ${renewalDate}, ${when}, and the promise is ${status}, not shipped`,
      });
    }
  }
  exposed.sort(
    (a, b) =>
      b.gap - a.gap ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.commitmentId.localeCompare(b.commitmentId),
  );
  overdue.sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.commitmentId.localeCompare(b.commitmentId));
  renewing.sort(
    (a, b) => (a.daysToRenewal ?? 0) - (b.daysToRenewal ?? 0) || a.commitmentId.localeCompare(b.commitmentId),
  );
  const listed = [...exposed, ...overdue, ...renewing];
  return {
    today,
    withinDays,
    totals: {
      commitments: commitments.length,
      open: commitments.filter((c) => c.status !== 'shipped').length,
      listed: new Set(listed.map((r) => r.commitmentId)).size,
      accounts: new Set(listed.map((r) => r.accountId)).size,
    },
    exposed: section(exposed.map(({ gap: _gap, ...row }) => row)),
    overdue: section(overdue),
    renewing: section(renewing),
  };
}
