/**
 * Features used outside the plan: which catalogue features an account used between two days although its plan is
 * not entitled to them (the catalogue's feature plans are the entitlement map). The plan of each account is given
 * by the caller (usage's own plan, else the billing subscription's); an account without one is left out, since
 * nothing narrower than "every plan" can be said of it.
 */
import type { Db } from '../../../platform/db/database.ts';
import { entitles, featureOfEvent } from './catalogue.ts';
import { loadCatalogue } from './catalogue.service.ts';

export interface FeatureUseOutsidePlan {
  accountId: string;
  plan: string;
  feature: string;
  featureName: string;
  /** The entitled plans of the feature. */
  entitledPlans: string[];
  firstDay: string;
  lastDay: string;
  events: number;
}

export async function featureUseOutsidePlan(
  db: Db,
  workspaceId: string,
  plans: ReadonlyMap<string, string>,
  from: string,
  to: string,
): Promise<FeatureUseOutsidePlan[]> {
  const catalogue = await loadCatalogue(db, workspaceId);
  const restricted = [...catalogue.features.values()].filter((f) => f.plans.length > 0);
  if (restricted.length === 0 || plans.size === 0) return [];
  const events = [...catalogue.byEvent.entries()]
    .filter(([, key]) => restricted.some((f) => f.key === key))
    .map(([e]) => e);
  const names = [...new Set([...events, ...restricted.map((f) => f.key)])];
  const rows = await db
    .selectFrom('usage_daily_account_feature')
    .select((eb) => [
      'account_id',
      'feature',
      eb.fn.min('day').as('first_day'),
      eb.fn.max('day').as('last_day'),
      eb.fn.sum<number | string>('events').as('events'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('feature', 'in', names)
    .groupBy(['account_id', 'feature'])
    .execute();
  const out = new Map<string, FeatureUseOutsidePlan>();
  for (const r of rows) {
    const plan = plans.get(r.account_id);
    const feature = catalogue.features.get(featureOfEvent(catalogue, r.feature));
    if (!plan || !feature || entitles(feature.plans, plan)) continue;
    const k = `${r.account_id}\u0000${feature.key}`;
    const seen = out.get(k);
    const first = String(r.first_day);
    const last = String(r.last_day);
    out.set(k, {
      accountId: r.account_id,
      plan,
      feature: feature.key,
      featureName: feature.name,
      entitledPlans: feature.plans,
      firstDay: seen && seen.firstDay < first ? seen.firstDay : first,
      lastDay: seen && seen.lastDay > last ? seen.lastDay : last,
      events: (seen?.events ?? 0) + Number(r.events),
    });
  }
  return [...out.values()].sort((a, b) => a.accountId.localeCompare(b.accountId) || a.feature.localeCompare(b.feature));
}
