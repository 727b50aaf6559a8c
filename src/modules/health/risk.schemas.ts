import { z } from 'zod';
import { RISK_SORTS } from './risk-accounts.service.ts';

export const backtestBody = z
  .object({
    folds: z
      .number()
      .int()
      .min(2)
      .max(20)
      .optional()
      .describe('Folds of the cross-validation (2–20); 10 when left out'),
  })
  .strict();

export const jobQueuedSchema = z.object({
  jobId: z.string(),
  type: z.string(),
  state: z.literal('queued'),
  /** Where to follow the job. */
  href: z.string(),
});

export const riskJobSchema = z.object({
  id: z.string(),
  type: z.enum(['health.risk.backtest', 'health.risk.score']),
  state: z.enum(['queued', 'running', 'done', 'refused', 'failed']),
  refusal: z.object({ field: z.string(), message: z.string() }).nullable(),
  result: z
    .union([
      z.object({ backtestId: z.string(), auc: z.number() }),
      z.object({ modelId: z.string(), scored: z.number() }),
    ])
    .nullable(),
  error: z.string().nullable(),
  attempts: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const backtestSchema = z.object({
  backtest: z
    .object({
      id: z.string(),
      createdAt: z.string(),
      folds: z.number(),
      auc: z.number().nullable().describe('Area under the ROC curve of all held-out predictions together'),
      aucFolds: z.array(z.number().nullable()),
      n: z.number(),
      positives: z.number().describe('Accounts of the history that churned'),
      calibration: z.array(
        z.object({ bin: z.number(), predicted: z.number(), observed: z.number(), count: z.number() }),
      ),
      liftTopDecile: z.number().nullable(),
      topFeatures: z.array(z.object({ feature: z.string(), importance: z.number() })),
      model: z.enum(['logistic', 'boosting']).describe('The learner most folds chose'),
      setAside: z.array(z.object({ attribute: z.string(), reason: z.string() })),
    })
    .nullable(),
});

const driverSchema = z.object({
  attribute: z.string(),
  value: z.union([z.string(), z.number()]).nullable(),
  effect: z.number().describe('Push on the log-odds of churn against the reference account; positive raises it'),
  sentence: z.string(),
});

export const accountRiskSchema = z.object({
  accountId: z.string(),
  account: z.string(),
  probability: z.number(),
  decile: z.number().describe('1 = the riskiest tenth, 10 = the safest'),
  arr: z.number(),
  arrAtRisk: z.number().describe('probability × ARR today'),
  nextRenewal: z.string().nullable(),
  drivers: z.array(driverSchema),
  scoredAt: z.string(),
});

export const accountRiskListSchema = z.object({
  currency: z.string(),
  totalArrAtRisk: z.number(),
  totalArr: z.number(),
  total: z.number(),
  scoredAt: z.string().nullable(),
  model: z.string().nullable(),
  items: z.array(accountRiskSchema),
});

export const accountRiskOneSchema = accountRiskSchema.extend({ currency: z.string(), model: z.string().nullable() });

export const accountRiskQuery = z.object({
  sort: z.enum(RISK_SORTS).default('arr_at_risk').describe('arr_at_risk (probability × ARR) or probability'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
