/**
 * The portfolio as people read it (pure): every account with its ARR, churn risk, next renewal and chain stage,
 * the totals the first page says in a sentence, the renewals coming up, and the lists' sorting and filtering.
 */

/** An account with the figures the later modules give it. */
export interface PortfolioAccount {
  accountId: string;
  account: string;
  domain: string | null;
  segment: string | null;
  industry: string | null;
  lifecyclePhase: string;
  region: string | null;
  aeUserId: string | null;
  csmUserId: string | null;
  accountManagerUserId: string | null;
  /** The owners' names (CSM and account manager), null where none is set. */
  csm: string | null;
  accountManager: string | null;
  partnerId: string | null;
  /** ARR today, from revenue (0 without a running subscription). */
  arr: number;
  /** Churn risk: null until the account is scored. */
  probability: number | null;
  decile: number | null;
  /** probability × ARR; null until scored. */
  arrAtRisk: number | null;
  nextRenewal: string | null;
  daysToRenewal: number | null;
  /** The earliest chain stage with an open signal; null when none is open. */
  chainStage: string | null;
  /** The model's top drivers in sentences, strongest first. */
  why: string[];
  /** The open signals' titles, earliest chain stage first. */
  signals: string[];
  /** The health score (0–100) and its band; null until scored or without data. */
  health: number | null;
  healthBand: string | null;
}

export const ACCOUNT_SORTS = [
  'name',
  'arr',
  'probability',
  'arr_at_risk',
  'next_renewal',
  'chain_stage',
  'health',
] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];
export const RENEWAL_SORTS = ['arr_at_risk', 'date', 'arr', 'probability', 'health'] as const;
export type RenewalSort = (typeof RENEWAL_SORTS)[number];
/** The renewal windows the first page counts. */
export const RENEWAL_WINDOWS = [30, 90, 120] as const;

export const cents = (n: number) => Math.round(n * 100) / 100;

/** Whole days from `today` to `day` (both YYYY-MM-DD). */
export const daysBetween = (today: string, day: string) =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/** How a sort reads a row: a number or text, null for none (always last). */
function keyOf(
  a: PortfolioAccount,
  sort: AccountSort | RenewalSort,
  stages: readonly string[],
): number | string | null {
  switch (sort) {
    case 'name':
      return a.account.toLowerCase();
    case 'arr':
      return a.arr;
    case 'probability':
      return a.probability;
    case 'arr_at_risk':
      return a.arrAtRisk;
    case 'next_renewal':
    case 'date':
      return a.nextRenewal;
    case 'chain_stage':
      return a.chainStage === null ? null : stages.indexOf(a.chainStage);
    case 'health':
      return a.health;
  }
}

/**
 * The order a sort reads in when none is asked: names, dates, stages and health ascending (the least healthy
 * first), money and risk descending.
 */
export const defaultOrder = (sort: AccountSort | RenewalSort): 'asc' | 'desc' =>
  sort === 'name' || sort === 'next_renewal' || sort === 'date' || sort === 'chain_stage' || sort === 'health'
    ? 'asc'
    : 'desc';

/** Rows sorted by one column, rows without a value last, ties by name. */
export function sortAccounts(
  rows: readonly PortfolioAccount[],
  sort: AccountSort | RenewalSort,
  order: 'asc' | 'desc',
  stages: readonly string[],
): PortfolioAccount[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = keyOf(a, sort, stages);
    const y = keyOf(b, sort, stages);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return a.account.localeCompare(b.account) || a.accountId.localeCompare(b.accountId);
  });
}

export interface AccountFilter {
  /** A chain stage, or 'none' for accounts without an open signal. */
  stage?: string;
  /** Accounts scored in this decile or a riskier one (1 = the riskiest tenth). */
  maxDecile?: number;
  /** Accounts with at least this ARR. */
  minArr?: number;
  /** Accounts renewing within this many days from today. */
  renewalWithin?: number;
  /** Accounts in this health band, or 'none' for those without a score. */
  band?: string;
  /** Accounts scoring at most this much health. */
  maxHealth?: number;
}

export function filterAccounts(rows: readonly PortfolioAccount[], f: AccountFilter): PortfolioAccount[] {
  return rows.filter(
    (a) =>
      (f.stage === undefined || (f.stage === 'none' ? a.chainStage === null : a.chainStage === f.stage)) &&
      (f.maxDecile === undefined || (a.decile !== null && a.decile <= f.maxDecile)) &&
      (f.minArr === undefined || a.arr >= f.minArr) &&
      (f.renewalWithin === undefined || (a.daysToRenewal !== null && a.daysToRenewal <= f.renewalWithin)) &&
      (f.band === undefined || (f.band === 'none' ? a.healthBand === null : a.healthBand === f.band)) &&
      (f.maxHealth === undefined || (a.health !== null && a.health <= f.maxHealth)),
  );
}

export interface PortfolioTotals {
  accounts: number;
  arr: number;
  arrAtRisk: number;
  /** Accounts with a churn-risk score. */
  scoredAccounts: number;
  /** Scored accounts with ARR, whose probability × ARR makes up the ARR at risk. */
  accountsAtRisk: number;
}

export interface StageTotal {
  /** null: accounts without an open signal. */
  stage: string | null;
  accounts: number;
  arr: number;
  arrAtRisk: number;
}

export interface RenewalWindow {
  withinDays: number;
  accounts: number;
  arr: number;
  arrAtRisk: number;
}

const sum = (rows: readonly PortfolioAccount[], f: (a: PortfolioAccount) => number | null) =>
  cents(rows.reduce((s, a) => s + (f(a) ?? 0), 0));

export function totalsOf(rows: readonly PortfolioAccount[]): PortfolioTotals {
  return {
    accounts: rows.length,
    arr: sum(rows, (a) => a.arr),
    arrAtRisk: sum(rows, (a) => a.arrAtRisk),
    scoredAccounts: rows.filter((a) => a.probability !== null).length,
    accountsAtRisk: rows.filter((a) => a.arrAtRisk !== null && a.arrAtRisk > 0).length,
  };
}

/** Accounts, ARR and ARR at risk by chain stage in the chain's order, then those without an open signal. */
export function byStage(rows: readonly PortfolioAccount[], stages: readonly string[]): StageTotal[] {
  const out: StageTotal[] = [];
  for (const stage of [...stages, null]) {
    const at = rows.filter((a) => a.chainStage === stage);
    if (at.length === 0) continue;
    out.push({ stage, accounts: at.length, arr: sum(at, (a) => a.arr), arrAtRisk: sum(at, (a) => a.arrAtRisk) });
  }
  return out;
}

export const HEALTH_BANDS = ['red', 'yellow', 'green'] as const;

/**
 * ARR and ARR at risk by health band, weakest first, then the accounts not scored (band null); empty bands left
 * out.
 */
export function byBand(rows: readonly PortfolioAccount[]): Array<Omit<StageTotal, 'stage'> & { band: string | null }> {
  return [...HEALTH_BANDS, null].flatMap((band) => {
    const at = rows.filter((a) => (a.healthBand ?? null) === band);
    return at.length === 0
      ? []
      : [{ band, accounts: at.length, arr: sum(at, (a) => a.arr), arrAtRisk: sum(at, (a) => a.arrAtRisk) }];
  });
}

/** The accounts renewing within each window (today included). */
export function renewalWindows(rows: readonly PortfolioAccount[], windows: readonly number[]): RenewalWindow[] {
  return windows.map((withinDays) => {
    const at = rows.filter((a) => a.daysToRenewal !== null && a.daysToRenewal <= withinDays);
    return { withinDays, accounts: at.length, arr: sum(at, (a) => a.arr), arrAtRisk: sum(at, (a) => a.arrAtRisk) };
  });
}
