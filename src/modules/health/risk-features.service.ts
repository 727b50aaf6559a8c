/**
 * The features other modules give the churn-risk model, per account, each read on the account's own day
 * (`featureDay` in risk-features.ts: today for an account still to score, a horizon before the outcome for one
 * whose outcome is known): revenue's subscriptions and relationship's answers and touches, through their faces.
 */
import type { Db } from '../../platform/db/database.ts';
import { listSurveys, listTouches } from '../relationship/index.ts';
import { listSubscriptions, type Subscription } from '../revenue/index.ts';
import {
  type DatedScore,
  featureDay,
  type OutcomeFacts,
  relationshipFeatures,
  revenueFeatures,
} from './risk-features.ts';

export interface FeatureRead {
  /** The day the account was read on. */
  day: string;
  /** Feature name → number; what a module knows nothing of is left out. */
  features: Record<string, number>;
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Reads the other modules' features of the given accounts, each on its own day. */
export async function moduleFeatures(
  db: Db,
  workspaceId: string,
  accounts: ReadonlyArray<OutcomeFacts & { accountId: string }>,
  today: string,
): Promise<Map<string, FeatureRead>> {
  const subscriptions = new Map<string, Subscription[]>();
  for (const s of await listSubscriptions(db, workspaceId))
    if (s.accountId !== null) push(subscriptions, s.accountId, s);
  const answers = new Map<string, DatedScore[]>();
  // limit 0: every answer and touch of the workspace (the lists are otherwise paged for people).
  for (const a of await listSurveys(db, workspaceId, { limit: 0 }))
    push(answers, a.accountId, { kind: a.kind, score: a.score, at: a.respondedAt });
  const touches = new Map<string, string[]>();
  for (const t of await listTouches(db, workspaceId, { limit: 0 })) push(touches, t.accountId, t.occurredAt);

  const out = new Map<string, FeatureRead>();
  for (const a of accounts) {
    const subs = subscriptions.get(a.accountId) ?? [];
    const day = featureDay(a, subs, today);
    out.set(a.accountId, {
      day,
      features: {
        ...revenueFeatures(subs, day),
        ...relationshipFeatures(answers.get(a.accountId) ?? [], touches.get(a.accountId) ?? [], day),
      },
    });
  }
  return out;
}
