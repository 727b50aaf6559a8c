/**
 * Release underuse (pure, DESIGN §4): a feature released more than `afterDays` days ago that fewer than
 * `minShare` of the accounts entitled to it have used since its release.
 *
 * The accounts counted as entitled are those that used the product at all since the release (an account
 * with no usage is an adoption problem, not a release one) and whose plan the release, or else the feature,
 * entitles. A feature introduced by several releases counts from the earliest.
 */
import { addDays } from '../adoption/adoption.ts';
import { entitles } from '../catalogue/catalogue.ts';

export interface Release {
  id: string;
  name: string;
  version: string | null;
  releasedOn: string;
  notes: string | null;
  /** Plans entitled; null: each feature's own plans. */
  plans: string[] | null;
  features: string[];
  createdAt: string;
  updatedAt: string;
}

export interface UnderuseThresholds {
  afterDays: number;
  minShare: number;
  /** Fewer entitled accounts than this: too few to judge, never flagged. */
  minAccounts: number;
}

export const DEFAULT_UNDERUSE: UnderuseThresholds = { afterDays: 60, minShare: 0.2, minAccounts: 3 };

/** The last day an account used a feature (catalogue feature, events already mapped), up to the report day. */
export interface LastUse {
  accountId: string;
  feature: string;
  lastDay: string;
}

export interface UnderuseRow {
  feature: string;
  featureName: string;
  releaseId: string;
  releaseName: string;
  version: string | null;
  releasedOn: string;
  daysSinceRelease: number;
  /** Released long enough ago to be judged. */
  eligible: boolean;
  plans: string[];
  entitledAccounts: number;
  usingAccounts: number;
  /** usingAccounts / entitledAccounts; null without entitled accounts. */
  share: number | null;
  flagged: boolean;
  /** Entitled accounts that have not used the feature since its release (ids, at most 50). */
  nonUsers: string[];
}

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function underuseReport(
  asOf: string,
  t: UnderuseThresholds,
  releases: readonly Release[],
  features: ReadonlyMap<string, { name: string; plans: string[] }>,
  plans: ReadonlyMap<string, string>,
  accounts: readonly string[],
  lastUse: readonly LastUse[],
): UnderuseRow[] {
  // The earliest release (on or before the report day) of each feature.
  const first = new Map<string, Release>();
  for (const r of [...releases].sort((a, b) =>
    a.releasedOn < b.releasedOn ? -1 : a.releasedOn > b.releasedOn ? 1 : a.id < b.id ? -1 : 1,
  )) {
    if (r.releasedOn > asOf) continue;
    for (const f of r.features) if (!first.has(f)) first.set(f, r);
  }
  const lastAny = new Map<string, string>();
  const lastOf = new Map<string, string>();
  for (const u of lastUse) {
    if (u.lastDay > asOf) continue;
    if ((lastAny.get(u.accountId) ?? '') < u.lastDay) lastAny.set(u.accountId, u.lastDay);
    const k = `${u.accountId}\u0000${u.feature}`;
    if ((lastOf.get(k) ?? '') < u.lastDay) lastOf.set(k, u.lastDay);
  }
  const cutoff = addDays(asOf, -t.afterDays);
  const rows: UnderuseRow[] = [];
  for (const [feature, release] of first) {
    const info = features.get(feature);
    const featurePlans = release.plans ?? info?.plans ?? [];
    const entitled = accounts.filter(
      (a) => (lastAny.get(a) ?? '') >= release.releasedOn && entitles(featurePlans, plans.get(a) ?? null),
    );
    const using = entitled.filter((a) => (lastOf.get(`${a}\u0000${feature}`) ?? '') >= release.releasedOn);
    const share = entitled.length > 0 ? using.length / entitled.length : null;
    const eligible = release.releasedOn < cutoff;
    const usingSet = new Set(using);
    rows.push({
      feature,
      featureName: info?.name ?? feature,
      releaseId: release.id,
      releaseName: release.name,
      version: release.version,
      releasedOn: release.releasedOn,
      daysSinceRelease: daysBetween(release.releasedOn, asOf),
      eligible,
      plans: featurePlans,
      entitledAccounts: entitled.length,
      usingAccounts: using.length,
      share,
      flagged: eligible && share !== null && entitled.length >= t.minAccounts && share < t.minShare,
      nonUsers: entitled.filter((a) => !usingSet.has(a)).slice(0, 50),
    });
  }
  return rows.sort((a, b) => (a.share ?? 2) - (b.share ?? 2) || a.feature.localeCompare(b.feature));
}
