import { describe, expect, it } from 'vitest';
import {
  byBand,
  byStage,
  daysBetween,
  filterAccounts,
  type PortfolioAccount,
  renewalWindows,
  sortAccounts,
  totalsOf,
} from './portfolio.ts';

const STAGES = ['handoff', 'implementation', 'adoption'] as const;

const row = (account: string, over: Partial<PortfolioAccount> = {}): PortfolioAccount => ({
  accountId: account.toLowerCase(),
  account,
  domain: null,
  segment: null,
  industry: null,
  lifecyclePhase: 'live',
  region: null,
  aeUserId: null,
  csmUserId: null,
  accountManagerUserId: null,
  csm: null,
  accountManager: null,
  partnerId: null,
  arr: 0,
  probability: null,
  decile: null,
  arrAtRisk: null,
  nextRenewal: null,
  daysToRenewal: null,
  chainStage: null,
  why: [],
  signals: [],
  health: null,
  healthBand: null,
  ...over,
});

const rows = [
  row('Beta', { arr: 100, probability: 0.5, decile: 2, arrAtRisk: 50, nextRenewal: '2026-07-01', daysToRenewal: 16 }),
  row('Alpha', { arr: 300, probability: 0.1, decile: 8, arrAtRisk: 30, chainStage: 'adoption' }),
  row('Gamma', { arr: 50, chainStage: 'handoff', nextRenewal: '2026-10-01', daysToRenewal: 108 }),
  row('Delta'),
];
const names = (r: PortfolioAccount[]) => r.map((a) => a.account);

describe('the portfolio rules', () => {
  it('sorts by a column either way, rows without a value last, ties by name', () => {
    expect(names(sortAccounts(rows, 'name', 'asc', STAGES))).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    expect(names(sortAccounts(rows, 'arr', 'desc', STAGES))).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta']);
    expect(names(sortAccounts(rows, 'arr_at_risk', 'desc', STAGES))).toEqual(['Beta', 'Alpha', 'Delta', 'Gamma']);
    expect(names(sortAccounts(rows, 'arr_at_risk', 'asc', STAGES))).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    expect(names(sortAccounts(rows, 'next_renewal', 'asc', STAGES))).toEqual(['Beta', 'Gamma', 'Alpha', 'Delta']);
    // Chain stages sort in the chain's order, not the alphabet's.
    expect(names(sortAccounts(rows, 'chain_stage', 'asc', STAGES))).toEqual(['Gamma', 'Alpha', 'Beta', 'Delta']);
  });

  it('filters by stage (or none open), decile, ARR and renewal window', () => {
    expect(names(filterAccounts(rows, { stage: 'handoff' }))).toEqual(['Gamma']);
    expect(names(filterAccounts(rows, { stage: 'none' }))).toEqual(['Beta', 'Delta']);
    expect(names(filterAccounts(rows, { maxDecile: 2 }))).toEqual(['Beta']);
    expect(names(filterAccounts(rows, { minArr: 100 }))).toEqual(['Beta', 'Alpha']);
    expect(names(filterAccounts(rows, { renewalWithin: 30 }))).toEqual(['Beta']);
    expect(names(filterAccounts(rows, { renewalWithin: 120, minArr: 60 }))).toEqual(['Beta']);
  });

  it('totals ARR and ARR at risk, by chain stage in the chain’s order and by renewal window', () => {
    expect(totalsOf(rows)).toEqual({ accounts: 4, arr: 450, arrAtRisk: 80, scoredAccounts: 2, accountsAtRisk: 2 });
    expect(byStage(rows, STAGES)).toEqual([
      { stage: 'handoff', accounts: 1, arr: 50, arrAtRisk: 0 },
      { stage: 'adoption', accounts: 1, arr: 300, arrAtRisk: 30 },
      { stage: null, accounts: 2, arr: 100, arrAtRisk: 50 },
    ]);
    expect(renewalWindows(rows, [30, 120])).toEqual([
      { withinDays: 30, accounts: 1, arr: 100, arrAtRisk: 50 },
      { withinDays: 120, accounts: 2, arr: 150, arrAtRisk: 50 },
    ]);
  });

  it('totals ARR and ARR at risk by health band, weakest first, then the accounts without a score', () => {
    const banded = [
      row('A', { arr: 100, arrAtRisk: 40, health: 30, healthBand: 'red' }),
      row('B', { arr: 200, arrAtRisk: 10, health: 80, healthBand: 'green' }),
      row('C', { arr: 50, arrAtRisk: 20, health: 35, healthBand: 'red' }),
      row('D', { arr: 70, arrAtRisk: null }),
    ];
    expect(byBand(banded)).toEqual([
      { band: 'red', accounts: 2, arr: 150, arrAtRisk: 60 },
      { band: 'green', accounts: 1, arr: 200, arrAtRisk: 10 },
      { band: null, accounts: 1, arr: 70, arrAtRisk: 0 },
    ]);
  });

  it('counts whole days to a renewal across a month and a year', () => {
    expect(daysBetween('2026-06-15', '2026-07-01')).toBe(16);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-06-15', '2026-06-15')).toBe(0);
  });
});
