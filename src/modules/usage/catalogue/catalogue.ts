/**
 * The feature catalogue and entitlements (pure). Rollups count product events by name; the catalogue says
 * which feature each event is usage of (several events may make one feature) and which plans are entitled to
 * each feature. An event the catalogue does not name is its own feature, so usage reads the same with an
 * empty catalogue as without one.
 */

export interface Feature {
  key: string;
  name: string;
  /** Plans entitled to the feature; empty: every plan. */
  plans: string[];
  /** Product events (as rollups name them: `Report Published`, `page:Dashboard`) that are usage of it. */
  events: string[];
}

export interface Catalogue {
  features: ReadonlyMap<string, Feature>;
  /** Event → feature key, for the events the catalogue names. */
  byEvent: ReadonlyMap<string, string>;
}

export const emptyCatalogue = (): Catalogue => ({ features: new Map(), byEvent: new Map() });

export function catalogueOf(features: readonly Feature[]): Catalogue {
  const byEvent = new Map<string, string>();
  for (const f of features) for (const e of f.events) byEvent.set(e, f.key);
  return { features: new Map(features.map((f) => [f.key, f])), byEvent };
}

/** The feature an event is usage of: the catalogue's, else the event itself. */
export const featureOfEvent = (c: Catalogue, event: string): string => c.byEvent.get(event) ?? event;

/**
 * Whether a plan list entitles an account on `plan`: an empty list entitles everyone; an account without a
 * plan is entitled only to features every plan has (its plan is unknown, so nothing narrower is assumed).
 */
export const entitles = (plans: readonly string[], plan: string | null): boolean =>
  plans.length === 0 || (plan !== null && plans.includes(plan));

/** The catalogue features an account on `plan` is entitled to. */
export function entitledFeatures(c: Catalogue, plan: string | null): Set<string> {
  return new Set([...c.features.values()].filter((f) => entitles(f.plans, plan)).map((f) => f.key));
}

/** Problems with a feature's event list against the rest of the catalogue: an event already mapped elsewhere. */
export function eventConflicts(
  c: Catalogue,
  key: string,
  events: readonly string[],
): Array<{ index: number; event: string; owner: string }> {
  const out: Array<{ index: number; event: string; owner: string }> = [];
  events.forEach((event, index) => {
    const owner = c.byEvent.get(event);
    if (owner !== undefined && owner !== key) out.push({ index, event, owner });
  });
  return out;
}

/** Plan names and event names trimmed, blanks and repeats dropped, order kept. */
export const cleanList = (values: readonly string[]): string[] => [
  ...new Set(values.map((v) => v.trim()).filter((v) => v !== '')),
];
