/**
 * The contract-terms report (pure): how many pricing structures the won deals carry, how many are
 * non-standard, and how many were signed with unscoped commitments, by quarter and by account executive.
 */
import { type ContractTerms, nonStandardReasons, pricingStructure, termsRecorded } from './contract-terms.ts';

/** A won deal as the report reads it. */
export interface TermsReportDeal {
  id: string;
  owner: string | null;
  signedDate: string | null;
  closeDate: string | null;
  terms: ContractTerms;
}

export interface TermsReportOptions {
  /** A discount above this many percent makes a deal non-standard. */
  discountThreshold: number;
  /** Deals with at least one unscoped commitment linked to them (see `isUnscoped` in the commitments module). */
  dealsWithUnscopedCommitments: ReadonlySet<string>;
}

/** The figures of one group of deals (all, a quarter, an account executive). */
export interface TermsFigures {
  /** Won deals in the group. */
  deals: number;
  /** Of those, deals with any term recorded: the base of `structures` and `nonStandardShare`. */
  withTerms: number;
  /** Distinct pricing structures (pricing model + billing terms + discount band) among them. */
  structures: number;
  nonStandard: number;
  /** nonStandard / withTerms, 0–1 (0 when no deal has terms). */
  nonStandardShare: number;
  /** Deals with at least one unscoped commitment linked to them. */
  withUnscopedCommitments: number;
  /** withUnscopedCommitments / deals, 0–1. */
  unscopedShare: number;
}

export interface TermsReport {
  totals: TermsFigures;
  /** Each structure and how many deals carry it, most common first. */
  structures: Array<{ structure: string; deals: number }>;
  /** Each clause tag and how many deals carry it, most common first. */
  clauses: Array<{ clause: string; deals: number }>;
  /** By quarter of the signed date, else the close date (`2026-Q3`), in time order; `undated` last. */
  byQuarter: Array<TermsFigures & { quarter: string }>;
  /** By account executive (the deal owner as the CRM names them; `(no owner)` when blank), most deals first. */
  byOwner: Array<TermsFigures & { owner: string }>;
}

export const UNDATED = 'undated';
export const NO_OWNER = '(no owner)';

/** The date a deal counts on: signed, else closed. */
export const reportDate = (d: Pick<TermsReportDeal, 'signedDate' | 'closeDate'>): string | null =>
  d.signedDate ?? d.closeDate;

/** `2026-08-14` → `2026-Q3`. */
export function quarterOf(date: string | null): string {
  if (!date) return UNDATED;
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

const share = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 10_000) / 10_000);

function figures(deals: readonly TermsReportDeal[], opts: TermsReportOptions): TermsFigures {
  const withTerms = deals.filter((d) => termsRecorded(d.terms));
  const structures = new Set(withTerms.map((d) => pricingStructure(d.terms)));
  const nonStandard = withTerms.filter((d) => nonStandardReasons(d.terms, opts.discountThreshold).length > 0).length;
  const unscoped = deals.filter((d) => opts.dealsWithUnscopedCommitments.has(d.id)).length;
  return {
    deals: deals.length,
    withTerms: withTerms.length,
    structures: structures.size,
    nonStandard,
    nonStandardShare: share(nonStandard, withTerms.length),
    withUnscopedCommitments: unscoped,
    unscopedShare: share(unscoped, deals.length),
  };
}

function groupBy<K extends string>(
  deals: readonly TermsReportDeal[],
  key: (d: TermsReportDeal) => K,
): Map<K, TermsReportDeal[]> {
  const groups = new Map<K, TermsReportDeal[]>();
  for (const d of deals) groups.set(key(d), [...(groups.get(key(d)) ?? []), d]);
  return groups;
}

const countDesc = <T extends { deals: number }>(rows: T[], name: (r: T) => string): T[] =>
  rows.sort((a, b) => b.deals - a.deals || name(a).localeCompare(name(b)));

/** Builds the report from the won deals in the period (the caller filters by date and by won). */
export function contractTermsReport(deals: readonly TermsReportDeal[], opts: TermsReportOptions): TermsReport {
  const structureCounts = new Map<string, number>();
  const clauseCounts = new Map<string, number>();
  for (const d of deals) {
    const s = pricingStructure(d.terms);
    if (s !== null) structureCounts.set(s, (structureCounts.get(s) ?? 0) + 1);
    for (const c of d.terms.nonStandardClauses) clauseCounts.set(c, (clauseCounts.get(c) ?? 0) + 1);
  }
  const byQuarter = [...groupBy(deals, (d) => quarterOf(reportDate(d)))]
    .map(([quarter, group]) => ({ quarter, ...figures(group, opts) }))
    .sort((a, b) => (a.quarter === UNDATED ? 1 : b.quarter === UNDATED ? -1 : a.quarter.localeCompare(b.quarter)));
  const byOwner = countDesc(
    [...groupBy(deals, (d) => d.owner?.trim() || NO_OWNER)].map(([owner, group]) => ({
      owner,
      ...figures(group, opts),
    })),
    (r) => r.owner,
  );
  return {
    totals: figures(deals, opts),
    structures: countDesc(
      [...structureCounts].map(([structure, n]) => ({ structure, deals: n })),
      (r) => r.structure,
    ),
    clauses: countDesc(
      [...clauseCounts].map(([clause, n]) => ({ clause, deals: n })),
      (r) => r.clause,
    ),
    byQuarter,
    byOwner,
  };
}
