/**
 * Which playbook a deal gets: pure selection rules, shared by the projects service (at handoff acceptance)
 * and the page that shows a person which playbook a deal would get.
 */

export interface SelectionRules {
  id: string;
  products: readonly string[];
  segments: readonly string[];
  priority: number;
  createdAt: string;
  archived: boolean;
}

export interface DealProfile {
  products: readonly string[];
  segment: string | null;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Why a playbook does or does not fit a deal, in words. */
export interface MatchReading {
  matches: boolean;
  reason: string;
  /** How many of its rules (products, segments) are set: more is more specific. */
  specificity: number;
}

/**
 * A playbook fits when its products list is empty or shares a product with the deal (case and spaces aside),
 * and its segments list is empty or holds the deal's segment. Archived playbooks never fit.
 */
export function readMatch(rules: SelectionRules, deal: DealProfile): MatchReading {
  const specificity = (rules.products.length ? 1 : 0) + (rules.segments.length ? 1 : 0);
  if (rules.archived) return { matches: false, reason: 'archived', specificity };
  const dealProducts = new Set(deal.products.map(norm));
  const shared = rules.products.filter((p) => dealProducts.has(norm(p)));
  if (rules.products.length && shared.length === 0)
    return { matches: false, reason: `for products ${rules.products.join(', ')} only`, specificity };
  const segment = deal.segment === null ? null : norm(deal.segment);
  if (rules.segments.length && (segment === null || !rules.segments.map(norm).includes(segment))) {
    return { matches: false, reason: `for segments ${rules.segments.join(', ')} only`, specificity };
  }
  const parts = [
    rules.products.length ? `product ${shared.join(', ')}` : 'any product',
    rules.segments.length ? `segment ${deal.segment}` : 'any segment',
  ];
  return { matches: true, reason: parts.join(', '), specificity };
}

/** The order among fitting playbooks: highest priority, then most specific, then oldest. */
export function compareCandidates(a: SelectionRules, b: SelectionRules): number {
  const spec = (r: SelectionRules) => (r.products.length ? 1 : 0) + (r.segments.length ? 1 : 0);
  return (
    b.priority - a.priority || spec(b) - spec(a) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
  );
}

/** The fitting playbooks, best first. */
export function rankPlaybooks<T extends SelectionRules>(playbooks: readonly T[], deal: DealProfile): T[] {
  return playbooks.filter((p) => readMatch(p, deal).matches).sort(compareCandidates);
}
