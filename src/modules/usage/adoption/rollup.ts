/**
 * Daily rollups of product usage (pure): events are counted per account × UTC day × feature and
 * account × UTC day × user. Only feature usage counts: a track call is the feature named by its event, a
 * page view `page:<name>` and a screen view `screen:<name>`; identify, group and alias calls are not usage.
 * Events without an account (kept aside) are not counted until they are re-matched.
 */

/** The columns of a stored event the rollups need. */
export interface RollupEvent {
  account_id: string | null;
  type: string;
  event: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  occurred_at: string;
}

export interface FeatureRollup {
  account_id: string;
  day: string;
  feature: string;
  events: number;
}

export interface UserRollup {
  account_id: string;
  day: string;
  user_key: string;
  events: number;
}

/** The feature an event is usage of, or null when it is not feature usage. */
export function featureOf(e: Pick<RollupEvent, 'type' | 'event'>): string | null {
  if (e.type === 'track') return e.event && e.event.trim() !== '' ? e.event : null;
  if (e.type === 'page' || e.type === 'screen')
    return e.event && e.event.trim() !== '' ? `${e.type}:${e.event}` : e.type;
  return null;
}

/** The UTC day (YYYY-MM-DD) of an ISO timestamp. */
export const dayOf = (iso: string): string => iso.slice(0, 10);

/** Events summed per distinct key, keys sorted (concurrent writers then lock rows in the same order). */
export function rollupsOf(events: readonly RollupEvent[]): { features: FeatureRollup[]; users: UserRollup[] } {
  const features = new Map<string, FeatureRollup>();
  const users = new Map<string, UserRollup>();
  for (const e of events) {
    if (!e.account_id) continue;
    const feature = featureOf(e);
    if (feature === null) continue;
    const day = dayOf(e.occurred_at);
    const fk = `${e.account_id}\u0000${day}\u0000${feature}`;
    const f = features.get(fk);
    if (f) f.events += 1;
    else features.set(fk, { account_id: e.account_id, day, feature, events: 1 });
    const user = e.user_id ?? e.anonymous_id;
    if (!user) continue;
    const uk = `${e.account_id}\u0000${day}\u0000${user}`;
    const u = users.get(uk);
    if (u) u.events += 1;
    else users.set(uk, { account_id: e.account_id, day, user_key: user, events: 1 });
  }
  const sorted = <T>(m: Map<string, T>): T[] =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return { features: sorted(features), users: sorted(users) };
}
