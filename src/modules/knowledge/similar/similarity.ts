/**
 * Similar implementations (pure): how much a past project is like a new one, over what an implementation is made
 * of — the playbook it follows, the products sold, the systems it integrates with, the customer's segment — and
 * how long it took. A dimension the new project says nothing of (no products, no integrations, no segment) is left
 * out and the weights of the others carry the score, so a score is always out of what could be compared.
 */

export const SIMILARITY_DIMENSIONS = ['playbook', 'products', 'integrations', 'segment'] as const;
export type SimilarityDimension = (typeof SIMILARITY_DIMENSIONS)[number];

/** How much each dimension counts: the playbook shapes the work most, then what is sold and what it connects to. */
export const SIMILARITY_WEIGHTS: Readonly<Record<SimilarityDimension, number>> = {
  playbook: 0.35,
  products: 0.3,
  integrations: 0.25,
  segment: 0.1,
};

/** What a project is made of, as compared. */
export interface ImplementationShape {
  playbookId: string;
  playbookName: string | null;
  products: readonly string[];
  integrations: readonly string[];
  segment: string | null;
}

export interface DimensionMatch {
  dimension: SimilarityDimension;
  /** The shared values (the playbook's name, products, integrations, the segment), as the past project wrote them. */
  shared: string[];
  /** 0–1: 1 for the same playbook or segment; for lists, shared ÷ the two together (Jaccard). */
  match: number;
}

export interface Similarity {
  /** 0–1, two decimals: the weighted mean of the dimensions compared. */
  score: number;
  /** The dimensions where something is shared, in the order of SIMILARITY_DIMENSIONS. */
  matched: DimensionMatch[];
  /** The dimensions that could be compared (the new project says something of them). */
  compared: SimilarityDimension[];
}

const key = (v: string) => v.trim().toLowerCase();

/** The shared values of two lists (compared without case), as `past` writes them, and their Jaccard index. */
export function overlap(target: readonly string[], past: readonly string[]): { shared: string[]; match: number } {
  const mine = new Set(target.map(key).filter(Boolean));
  const theirs = new Map<string, string>();
  for (const v of past) if (key(v) && !theirs.has(key(v))) theirs.set(key(v), v.trim());
  const shared = [...theirs].filter(([k]) => mine.has(k)).map(([, v]) => v);
  const union = new Set([...mine, ...theirs.keys()]).size;
  return { shared, match: union === 0 ? 0 : shared.length / union };
}

/** How much `past` is like `target`. */
export function similarityOf(target: ImplementationShape, past: ImplementationShape): Similarity {
  const parts: Array<DimensionMatch & { compared: boolean }> = [
    {
      dimension: 'playbook',
      compared: true,
      match: target.playbookId === past.playbookId ? 1 : 0,
      shared: target.playbookId === past.playbookId ? [past.playbookName ?? 'the same playbook'] : [],
    },
    { dimension: 'products', compared: target.products.length > 0, ...overlap(target.products, past.products) },
    {
      dimension: 'integrations',
      compared: target.integrations.length > 0,
      ...overlap(target.integrations, past.integrations),
    },
    {
      dimension: 'segment',
      compared: target.segment !== null,
      match: target.segment !== null && target.segment === past.segment ? 1 : 0,
      shared: target.segment !== null && target.segment === past.segment ? [target.segment] : [],
    },
  ];
  const compared = parts.filter((p) => p.compared);
  const weight = compared.reduce((s, p) => s + SIMILARITY_WEIGHTS[p.dimension], 0);
  const score = compared.reduce((s, p) => s + SIMILARITY_WEIGHTS[p.dimension] * p.match, 0) / weight;
  return {
    score: Math.round(score * 100) / 100,
    matched: compared.filter((p) => p.match > 0).map(({ dimension, shared, match }) => ({ dimension, shared, match })),
    compared: compared.map((p) => p.dimension),
  };
}

const SEGMENT_WORDS: Record<string, string> = { enterprise: 'enterprise', mid_market: 'mid-market', smb: 'SMB' };

const listWords = (values: readonly string[]): string =>
  values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`;

/** What a past project shares with the new one, in a sentence. */
export function matchSentence(matched: readonly DimensionMatch[]): string {
  if (matched.length === 0) return 'Shares nothing compared with this project.';
  const parts = matched.map((m) => {
    if (m.dimension === 'playbook') return `the same playbook (${m.shared[0]})`;
    if (m.dimension === 'segment') return `the same segment (${SEGMENT_WORDS[m.shared[0] ?? ''] ?? m.shared[0]})`;
    const noun = m.dimension === 'products' ? 'product' : 'integration';
    return `${noun}${m.shared.length > 1 ? 's' : ''} ${listWords(m.shared)}`;
  });
  return `Shares ${listWords(parts)}.`;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS);

export interface ImplementationDuration {
  kickoffOn: string | null;
  goLiveOn: string | null;
  /** Kickoff (or the planned kickoff) → the go-live promised, in days. */
  plannedDays: number | null;
  /** Kickoff → go-live, in days. */
  actualDays: number | null;
  /** Actual − planned (negative: early). */
  overDays: number | null;
  sentence: string;
}

/** How long a past project took, kickoff to go-live, against the plan, in numbers and a sentence. */
export function durationOf(p: {
  kickoffOn: string | null;
  plannedKickoffOn: string | null;
  promisedGoLive: string | null;
  goLiveOn: string | null;
}): ImplementationDuration {
  const start = p.kickoffOn ?? p.plannedKickoffOn;
  const plannedDays = start && p.promisedGoLive ? days(start, p.promisedGoLive) : null;
  const actualDays = p.kickoffOn && p.goLiveOn ? days(p.kickoffOn, p.goLiveOn) : null;
  const overDays = plannedDays !== null && actualDays !== null ? actualDays - plannedDays : null;
  let sentence: string;
  if (actualDays === null) sentence = 'Its kickoff or go-live is not recorded, so how long it took is not known.';
  else if (plannedDays === null) sentence = `Went live ${actualDays} days after kickoff; no go-live was promised.`;
  else if (overDays === 0) sentence = `Went live ${actualDays} days after kickoff, as planned.`;
  else
    sentence =
      `Went live ${actualDays} days after kickoff against ${plannedDays} planned ` +
      `(${Math.abs(overDays ?? 0)} days ${(overDays ?? 0) > 0 ? 'late' : 'early'}).`;
  return { kickoffOn: p.kickoffOn, goLiveOn: p.goLiveOn, plannedDays, actualDays, overDays, sentence };
}

/** Past projects best first: score, then the most recent go-live, then id, so the order is the same every time. */
export function rankSimilar<T extends { score: number; goLiveOn: string | null; id: string }>(items: T[]): T[] {
  return items
    .filter((i) => i.score > 0)
    .sort(
      (a, b) => b.score - a.score || (b.goLiveOn ?? '').localeCompare(a.goLiveOn ?? '') || a.id.localeCompare(b.id),
    );
}
