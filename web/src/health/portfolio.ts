/** The portfolio answers of the API (src/modules/health/portfolio.schemas.ts), as the web app reads them. */
import type { PortfolioAccount as ServerPortfolioAccount } from '../../../src/modules/health/portfolio.ts';
import type { Account } from '../api/types.ts';

/** An account with its figures, as the server's portfolio rules give it, its phase and region in the app's words. */
export type PortfolioAccount = Omit<ServerPortfolioAccount, 'lifecyclePhase' | 'region'> & {
  lifecyclePhase: Account['lifecyclePhase'];
  region: Account['region'];
};

interface Money {
  accounts: number;
  arr: number;
  arrAtRisk: number;
}

export interface Portfolio {
  today: string;
  currency: string;
  scoredAt: string | null;
  model: string | null;
  totals: { accounts: number; arr: number; arrAtRisk: number; scoredAccounts: number; accountsAtRisk: number };
  byStage: Array<Money & { stage: string | null }>;
  byBand: Array<Money & { band: string | null }>;
  renewals: Array<Money & { withinDays: number }>;
  topAtRisk: PortfolioAccount[];
}

export interface RenewalList {
  today: string;
  within: number;
  currency: string;
  total: number;
  totalArr: number;
  totalArrAtRisk: number;
  items: Array<{
    accountId: string;
    account: string;
    date: string;
    daysLeft: number;
    arr: number;
    probability: number | null;
    decile: number | null;
    arrAtRisk: number | null;
    chainStage: string | null;
    csmUserId: string | null;
    csm: string | null;
  }>;
}

export interface PortfolioAccountList {
  today: string;
  currency: string;
  total: number;
  items: PortfolioAccount[];
}

/** The failure chain's stages in order (DESIGN §4), then the erosion sources, as people read them. */
export const CHAIN_STAGES: Record<string, string> = {
  handoff: 'Handoff',
  implementation: 'Implementation',
  time_to_value: 'Time to value',
  support_overload: 'Support overload',
  adoption: 'Adoption',
  renewal: 'Renewal',
  knowledge_loss: 'Knowledge loss',
  business_change: 'Business change',
  regulatory_change: 'Regulatory change',
  release_underuse: 'Release underuse',
  integration_decay: 'Integration decay',
};

export const stageLabel = (stage: string | null) =>
  stage === null ? 'No open signal' : (CHAIN_STAGES[stage] ?? stage);

/** What each figure is, said where it shows. */
export const PORTFOLIO_HELP = {
  arrAtRisk:
    'ARR at risk is each scored account’s churn probability × its ARR today, summed: the revenue the risk puts in question.',
  chainStage:
    'An account’s chain stage is the earliest stage of the failure chain with an open warning (notes such as “no expansion yet” do not count); accounts without one are shown apart.',
  health: 'Health scores come next; until then, churn risk is the measure.',
} as const;
