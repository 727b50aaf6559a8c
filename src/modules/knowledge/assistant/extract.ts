/**
 * Extractive answers (pure): the sentences of the retrieved passages that best answer a question, each cited, so
 * nothing leaves the server. Words are compared by a light stem (resetting, resets and reset meet); a sentence is
 * scored by BM25 over the sentences of the passages; a passage's relevance is the share of the question's weight
 * (each term weighted by how rare it is in the workspace's documents, or else among the passages) its words cover,
 * and below a threshold the assistant says it does not know.
 */
import { searchTerms } from '../search/query.ts';
import type { AnswerSentence, Passage } from './passage.ts';

/** Sentences in an extractive answer, at most. */
export const MAX_SENTENCES = 3;
/** The least share of the question's weight the best passage must cover for the answer to count as known. */
export const RELEVANCE_THRESHOLD = 0.25;
const MIN_SENTENCE = 20;
const MAX_SENTENCE = 400;

/** A word's light stem: lower case, common English endings taken off (not a full Porter stemmer). */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'ed', 'es', 'ly', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '');
      // resetting → resett → reset
      if (/(ing|ed)$/.test(suffix) && /([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  return w.endsWith('e') && w.length > 4 ? w.slice(0, -1) : w;
}

const stemsOf = (text: string): string[] =>
  (
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).map(stem);

/** A text's sentences: split after . ! ? before a capital or digit, and at line ends; short and long ones left out. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length >= MIN_SENTENCE && s.length <= MAX_SENTENCE && /[\p{L}]/u.test(s));
}

/** Each question stem's weight among the passages: rarer counts more (BM25's inverse document frequency). */
function weightsOf(question: readonly string[], docs: ReadonlyArray<ReadonlySet<string>>): Map<string, number> {
  const n = docs.length;
  return new Map(
    question.map((t) => {
      const df = docs.filter((d) => d.has(t)).length;
      return [t, Math.log(1 + (n - df + 0.5) / (df + 0.5))];
    }),
  );
}

/** The question's stems, each once. */
export const questionStems = (question: string): string[] => [...new Set(searchTerms(question).map(stem))];

/**
 * How much of the question's weight each passage covers (0–1), in the passages' order. `weights` gives a stem's
 * weight from the whole workspace (how rare it is there); without it, stems are weighed among the passages.
 */
export function coverageOf(
  question: string,
  passages: ReadonlyArray<Pick<Passage, 'title' | 'text'>>,
  weights?: ReadonlyMap<string, number>,
): number[] {
  const terms = questionStems(question);
  if (terms.length === 0) return passages.map(() => 0);
  const docs = passages.map((p) => new Set(stemsOf(`${p.title} ${p.text}`)));
  const w = weights ?? weightsOf(terms, docs);
  const total = terms.reduce((s, t) => s + (w.get(t) ?? 0), 0);
  return docs.map((d) => (total > 0 ? terms.reduce((s, t) => s + (d.has(t) ? (w.get(t) ?? 0) : 0), 0) / total : 0));
}

const key = (s: string) => stemsOf(s).join(' ');

/**
 * The best sentences for the question, each citing its passage: BM25 over every sentence of the passages, a
 * passage further down the list counting a little less, no sentence twice, at most `max`.
 */
export function extractAnswer(question: string, passages: readonly Passage[], max = MAX_SENTENCES): AnswerSentence[] {
  const terms = questionStems(question);
  const sentences = passages.flatMap((p, rank) =>
    sentencesOf(p.text).map((text) => ({ text, n: p.n, rank, stems: stemsOf(text) })),
  );
  if (terms.length === 0 || sentences.length === 0) return [];
  const w = weightsOf(
    terms,
    sentences.map((s) => new Set(s.stems)),
  );
  const avg = sentences.reduce((s, x) => s + x.stems.length, 0) / sentences.length;
  const k1 = 1.2;
  const b = 0.75;
  const scored = sentences.map((s, i) => {
    let score = 0;
    for (const t of terms) {
      const tf = s.stems.filter((x) => x === t).length;
      if (tf) score += ((w.get(t) ?? 0) * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * s.stems.length) / avg));
    }
    return { ...s, i, score: score / (1 + 0.25 * s.rank) };
  });
  const chosen: typeof scored = [];
  const seen = new Set<string>();
  const ranked = scored.filter((x) => x.score > 0).sort((a, b2) => b2.score - a.score || a.i - b2.i);
  // The answer opens with the first passage's best sentence, or its first when none holds a word of the question
  // as written (the engine matched it by another form, or by its title): the engine ranks passages better.
  const opening = ranked.find((s) => s.rank === 0) ?? scored.find((s) => s.rank === 0);
  for (const s of opening ? [opening, ...ranked] : ranked) {
    const k = key(s.text);
    if (seen.has(k)) continue;
    seen.add(k);
    chosen.push(s);
    if (chosen.length === max) break;
  }
  return chosen.map((s) => ({ sentence: s.text, citations: [s.n] }));
}
