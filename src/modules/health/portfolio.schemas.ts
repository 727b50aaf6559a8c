import { z } from 'zod';
import { LIFECYCLE_PHASES, REGIONS, SEGMENTS } from '../accounts/index.ts';
import { SIGNAL_STAGES } from '../signals/index.ts';
import { ACCOUNT_SORTS, RENEWAL_SORTS } from './portfolio.ts';

const order = z.enum(['asc', 'desc']).optional().describe('asc or desc; names, dates and stages ascend by default');

export const portfolioAccountSchema = z.object({
  accountId: z.string(),
  account: z.string(),
  domain: z.string().nullable(),
  segment: z.string().nullable(),
  industry: z.string().nullable(),
  lifecyclePhase: z.string(),
  region: z.string().nullable(),
  aeUserId: z.string().nullable(),
  csmUserId: z.string().nullable(),
  accountManagerUserId: z.string().nullable(),
  csm: z.string().nullable().describe('The customer success manager’s name'),
  accountManager: z.string().nullable().describe('The account manager’s name'),
  partnerId: z.string().nullable(),
  arr: z.number().describe('ARR today'),
  probability: z.number().nullable().describe('Churn probability at the next renewal; null until scored'),
  decile: z.number().nullable().describe('1 = the riskiest tenth, 10 = the safest; null until scored'),
  arrAtRisk: z.number().nullable().describe('probability × ARR today; null until scored'),
  nextRenewal: z.string().nullable(),
  daysToRenewal: z.number().nullable(),
  chainStage: z.string().nullable().describe('The earliest chain stage with an open signal; null: none open'),
  why: z.array(z.string()).describe('The churn model’s top drivers in sentences'),
  signals: z.array(z.string()).describe('The open signals’ titles, earliest stage first'),
  health: z.number().nullable().describe('The health score 0–100; null until scored or without data'),
  healthBand: z.string().nullable().describe('green ≥ 70, yellow ≥ 40, red below; null without a score'),
});

const money = z.object({ accounts: z.number(), arr: z.number(), arrAtRisk: z.number() });

export const portfolioSchema = z.object({
  today: z.string(),
  currency: z.string(),
  scoredAt: z.string().nullable(),
  model: z.string().nullable(),
  totals: z.object({
    accounts: z.number(),
    arr: z.number().describe('Σ ARR today'),
    arrAtRisk: z.number().describe('Σ probability × ARR over the scored accounts'),
    scoredAccounts: z.number(),
    accountsAtRisk: z.number().describe('Scored accounts with ARR: those the ARR at risk is summed over'),
  }),
  byStage: z.array(money.extend({ stage: z.string().nullable().describe('null: no open signal') })),
  byBand: z.array(money.extend({ band: z.string().nullable().describe('red, yellow, green; null: no health score') })),
  renewals: z.array(money.extend({ withinDays: z.number() })),
  topAtRisk: z.array(portfolioAccountSchema),
});

export const portfolioQuery = z.object({
  top: z.coerce.number().int().min(1).max(50).default(5).describe('How many accounts at risk to list (1–50)'),
});

export const renewalsQuery = z.object({
  within: z.coerce.number().int().min(1).max(730).default(120).describe('Days ahead (1–730)'),
  sort: z.enum(RENEWAL_SORTS).default('arr_at_risk'),
  order,
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const renewalItemSchema = z.object({
  accountId: z.string(),
  account: z.string(),
  date: z.string(),
  daysLeft: z.number(),
  arr: z.number(),
  probability: z.number().nullable(),
  decile: z.number().nullable(),
  arrAtRisk: z.number().nullable(),
  chainStage: z.string().nullable(),
  csmUserId: z.string().nullable(),
  csm: z.string().nullable(),
  health: z.number().nullable(),
  healthBand: z.string().nullable(),
});

export const renewalsSchema = z.object({
  today: z.string(),
  within: z.number(),
  currency: z.string(),
  total: z.number(),
  totalArr: z.number(),
  totalArrAtRisk: z.number(),
  items: z.array(renewalItemSchema),
});

export const portfolioAccountsQuery = z.object({
  q: z.string().trim().max(200).optional().describe('Part of the name'),
  segment: z.enum(SEGMENTS).optional(),
  lifecyclePhase: z.enum(LIFECYCLE_PHASES).optional(),
  region: z.enum(REGIONS).optional(),
  owner: z.string().max(100).optional().describe('User id in any owner role'),
  stage: z
    .enum([...SIGNAL_STAGES, 'none'])
    .optional()
    .describe('Accounts at this chain stage; none: without an open signal'),
  maxDecile: z.coerce.number().int().min(1).max(10).optional().describe('Scored in this decile or a riskier one'),
  minArr: z.coerce.number().min(0).optional().describe('At least this ARR'),
  renewalWithin: z.coerce.number().int().min(0).max(730).optional().describe('Renewing within this many days'),
  band: z.enum(['green', 'yellow', 'red', 'none']).optional().describe('Health band; none: not scored'),
  maxHealth: z.coerce.number().min(0).max(100).optional().describe('Health score at most this'),
  sort: z.enum(ACCOUNT_SORTS).default('name'),
  order,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const portfolioAccountsSchema = z.object({
  today: z.string(),
  currency: z.string(),
  total: z.number(),
  items: z.array(portfolioAccountSchema),
});
