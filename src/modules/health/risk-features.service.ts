/**
 * The features other modules give the churn-risk model, per account, each read as of the account's own day
 * (see risk-features.ts): only what those modules' public faces offer.
 */
import type { Db } from '../../platform/db/database.ts';

/** Per account id, feature name → number; accounts or features a module knows nothing of are left out. */
export async function moduleFeatures(
  _db: Db,
  _workspaceId: string,
  _dayOf: ReadonlyMap<string, string>,
): Promise<Map<string, Record<string, number>>> {
  return new Map();
}
