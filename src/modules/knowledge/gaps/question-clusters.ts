/**
 * Clusters of repetitive questions (pure, deterministic): each question becomes a TF-IDF vector of its stemmed
 * terms (the subject's counted twice), and questions are taken oldest first, each joining the cluster whose
 * centroid it is most like by cosine when that likeness reaches the threshold, else starting its own. The same
 * questions always give the same clusters. A cluster's representative is the question nearest its centroid; its
 * key terms are the centroid's heaviest.
 */
import { STOP_WORDS } from '../search/query.ts';

export interface Question {
  id: string;
  subject: string | null;
  description: string | null;
  createdAt: string;
}

export interface QuestionCluster<Q extends Question = Question> {
  members: Q[];
  representative: Q;
  /** The centroid's heaviest terms, heaviest first, with their share of its weight. */
  terms: Array<{ term: string; weight: number }>;
}

export interface ClusterOptions {
  /** Least cosine likeness between a question and a cluster's centroid to join it (0–1). */
  threshold: number;
  /** Clusters smaller than this are left out. */
  minSize: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { threshold: 0.4, minSize: 3 };

/** How much of a description is read: the question is at its start, logs and code follow. */
const DESCRIPTION_CHARS = 200;
/** A term in more than this share of the questions is a form's or a signature's boilerplate, not a topic. */
const BOILERPLATE_SHARE = 0.1;
const KEY_TERMS = 8;

type Vector = Map<string, number>;

/** A crude, deterministic English stem: plurals and -ing/-ed endings off, so "exports" meets "export". */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  return word;
}

/** A text's stemmed terms in order, stop words, numbers and one-letter words out. */
export function termsOf(text: string | null): string[] {
  const words =
    (text ?? '')
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}][\p{L}\p{N}]*/gu) ?? [];
  return words.filter((w) => w.length > 1 && w.length <= 40 && !STOP_WORDS.has(w)).map(stem);
}

const questionTerms = (q: Question): string[] => {
  const subject = termsOf(q.subject);
  return [...subject, ...subject, ...subject, ...termsOf((q.description ?? '').slice(0, DESCRIPTION_CHARS))];
};

function normalise(v: Vector): Vector {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm === 0) return v;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0);
  return dot;
}

/** Unit TF-IDF vectors of the questions, the IDF taken over these questions. */
function vectorsOf(questions: readonly Question[]): Vector[] {
  const terms = questions.map(questionTerms);
  const df = new Map<string, number>();
  for (const list of terms) for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = questions.length;
  const common = (t: string) => n >= 30 && df.get(t)! > n * BOILERPLATE_SHARE;
  return terms.map((list) => {
    const v: Vector = new Map();
    for (const t of list) if (!common(t)) v.set(t, (v.get(t) ?? 0) + 1);
    for (const [t, tf] of v) v.set(t, (1 + Math.log(tf)) * (Math.log((n + 1) / (df.get(t)! + 1)) + 1));
    return normalise(v);
  });
}

const byAge = (a: Question, b: Question) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The clusters of at least `minSize` questions, largest first (ties: the earliest question first). */
export function clusterQuestions<Q extends Question>(
  questions: readonly Q[],
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): Array<QuestionCluster<Q>> {
  const ordered = [...questions].sort(byAge);
  const vectors = vectorsOf(ordered);
  const clusters: Array<{ members: number[]; sum: Vector; centroid: Vector }> = [];
  ordered.forEach((_, i) => {
    const v = vectors[i]!;
    if (v.size === 0) return;
    let best = -1;
    let bestSim = options.threshold;
    clusters.forEach((c, k) => {
      const sim = cosine(v, c.centroid);
      if (sim >= bestSim && (best === -1 || sim > bestSim)) {
        best = k;
        bestSim = sim;
      }
    });
    if (best === -1) {
      clusters.push({ members: [i], sum: new Map(v), centroid: new Map(v) });
      return;
    }
    const c = clusters[best]!;
    c.members.push(i);
    for (const [t, w] of v) c.sum.set(t, (c.sum.get(t) ?? 0) + w);
    c.centroid = normalise(new Map(c.sum));
  });
  return clusters
    .filter((c) => c.members.length >= options.minSize)
    .map((c) => {
      let rep = c.members[0]!;
      let repSim = -1;
      for (const i of c.members) {
        const sim = cosine(vectors[i]!, c.centroid);
        if (sim > repSim + 1e-12) {
          rep = i;
          repSim = sim;
        }
      }
      const total = [...c.sum.values()].reduce((s, w) => s + w, 0);
      const terms = [...c.sum]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, KEY_TERMS)
        .map(([term, w]) => ({ term, weight: Math.round((w / total) * 1000) / 1000 }));
      return { members: c.members.map((i) => ordered[i]!), representative: ordered[rep]!, terms, first: c.members[0]! };
    })
    .sort((a, b) => b.members.length - a.members.length || a.first - b.first)
    .map(({ first: _first, ...c }) => c);
}

/**
 * How much of a cluster's key terms an article holds: the summed weight of the key terms found in the article's
 * title or body over the weight of all of them (0–1). Engine-free, so the same on SQLite and PostgreSQL.
 */
export function coverage(terms: ReadonlyArray<{ term: string; weight: number }>, article: string): number {
  const words = new Set(termsOf(article));
  const total = terms.reduce((s, t) => s + t.weight, 0);
  if (total === 0) return 0;
  const found = terms.filter((t) => words.has(t.term)).reduce((s, t) => s + t.weight, 0);
  return Math.round((found / total) * 1000) / 1000;
}
