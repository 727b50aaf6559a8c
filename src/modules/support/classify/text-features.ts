/**
 * Ticket text → sparse TF-IDF vectors (pure). Text is normalised (lower case; code blocks, URLs, e-mail
 * addresses, long hexadecimal ids and numbers become placeholder tokens), then read as word unigrams and
 * bigrams and as character n-grams inside each word (padded with a space at both ends). A vocabulary is
 * fitted on training documents only: terms seen in at least `minDf` of them, the most frequent kept up to a
 * cap per block. Values are sublinear TF (1 + ln count) × smoothed IDF, each block (words, characters)
 * L2-normalised and scaled so the whole vector has unit length.
 */

export interface FeatureOptions {
  /** Longest word n-gram (1 = unigrams only). */
  maxWordNgram: number;
  /** Character n-gram lengths, inside word boundaries; `charMax: 0` turns them off. */
  charMin: number;
  charMax: number;
  /** Words read per ticket: long pastes (logs, traces) beyond this add cost, not meaning. */
  maxWords: number;
  /** A term must occur in at least this many training documents. */
  minDf: number;
  maxWordFeatures: number;
  maxCharFeatures: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  maxWordNgram: 2,
  charMin: 3,
  charMax: 5,
  maxWords: 600,
  minDf: 2,
  maxWordFeatures: 40_000,
  maxCharFeatures: 60_000,
};

/** A sparse vector: ascending indices and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

/** Character n-gram terms carry this prefix, which no word contains. */
const CHAR_PREFIX = '~';

/**
 * Lower case, with code, URLs, addresses, long hex ids and numbers replaced by placeholder tokens, and
 * question marks kept as a word (`xxquestion`: on the development data it tells questions from bugs).
 */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/```[\s\S]*?(?:```|$)/g, ' xxcode ')
    .replace(/\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/g, ' xxurl ')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' xxemail ')
    .replace(/\b(?:0x)?(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,}\b/g, ' xxhex ')
    .replace(/\d+(?:[.,]\d+)*/g, ' xxnum ')
    .replace(/\?/g, ' xxquestion ');
}

/** The words of a normalised text: runs of two or more letters. */
export function words(normalised: string, limit = Infinity): string[] {
  const out: string[] = [];
  for (const m of normalised.matchAll(/\p{L}{2,}/gu)) {
    if (out.length >= limit) break;
    out.push(m[0]);
  }
  return out;
}

/**
 * Term ids: every term met gets a number. A frozen lexicon (a fitted model's) only looks terms up and
 * answers -1 for a term it does not know. Each word's character n-gram ids are remembered, as words recur.
 */
export class Lexicon {
  private readonly ids = new Map<string, number>();
  private readonly gramsOfWord = new Map<string, Int32Array>();
  private gramsKey = '';
  readonly terms: string[] = [];
  /** Per-term counts of the document being read (by `countTerms`), zero again between documents. */
  scratch: Float64Array = new Float64Array(1024);

  constructor(
    terms: readonly string[] = [],
    private readonly frozen = false,
  ) {
    for (const t of terms) this.id(t, true);
  }

  id(term: string, add = !this.frozen): number {
    const known = this.ids.get(term);
    if (known !== undefined) return known;
    if (!add) return -1;
    this.ids.set(term, this.terms.length);
    this.terms.push(term);
    return this.terms.length - 1;
  }

  /** The ids of a word's character n-grams (padded with a space at both ends), unknown ones left out. */
  charGrams(word: string, min: number, max: number): Int32Array {
    const key = `${min}-${max}`;
    // A fitted model meets new words forever: its memory of them is bounded.
    if (key !== this.gramsKey || (this.frozen && this.gramsOfWord.size > 100_000)) {
      this.gramsOfWord.clear();
      this.gramsKey = key;
    }
    let grams = this.gramsOfWord.get(word);
    if (grams === undefined) {
      const padded = ` ${word} `;
      const found: number[] = [];
      for (let n = min; n <= max && n <= padded.length; n++) {
        for (let s = 0; s + n <= padded.length; s++) {
          const id = this.id(CHAR_PREFIX + padded.slice(s, s + n));
          if (id >= 0) found.push(id);
        }
      }
      grams = Int32Array.from(found);
      this.gramsOfWord.set(word, grams);
    }
    return grams;
  }

  growScratch(id: number): Float64Array {
    const grown = new Float64Array(Math.max(id + 1, this.scratch.length * 2));
    grown.set(this.scratch);
    this.scratch = grown;
    return grown;
  }

  isCharTerm(id: number): boolean {
    return (this.terms[id] ?? '').startsWith(CHAR_PREFIX);
  }
}

/** One document's term counts, ids ascending. */
export interface TermCounts {
  ids: Int32Array;
  counts: Float64Array;
}

/** Counts a text's terms, giving new terms ids in `lexicon` (unless it is frozen, then they are dropped). */
export function countTerms(text: string, lexicon: Lexicon, options: FeatureOptions = DEFAULT_FEATURES): TermCounts {
  const seen: number[] = [];
  let scratch = lexicon.scratch;
  const add = (id: number) => {
    if (id < 0) return;
    if (id >= scratch.length) scratch = lexicon.growScratch(id);
    if (scratch[id] === 0) seen.push(id);
    scratch[id]!++;
  };
  const ws = words(normalise(text), options.maxWords);
  for (let i = 0; i < ws.length; i++) {
    let gram = ws[i]!;
    add(lexicon.id(gram));
    for (let n = 2; n <= options.maxWordNgram && i + n <= ws.length; n++) {
      gram += ` ${ws[i + n - 1]}`;
      add(lexicon.id(gram));
    }
    if (options.charMax > 0) for (const id of lexicon.charGrams(ws[i]!, options.charMin, options.charMax)) add(id);
  }
  const ids = Int32Array.from(seen).sort();
  const counts = Float64Array.from(ids, (id) => scratch[id]!);
  for (const id of ids) scratch[id] = 0;
  return { ids, counts };
}

/** A fitted vocabulary: the lexicon ids of its features, their IDF and which of them are character n-grams. */
export interface Vocabulary {
  /** Lexicon id of each feature. */
  termIds: Int32Array;
  idf: Float64Array;
  isChar: Uint8Array;
  /** Lexicon id → feature index, -1 for a term outside the vocabulary. */
  featureOf: Int32Array;
}

/** Fits the vocabulary and IDF on training documents only. */
export function fitVocabulary(
  docs: readonly TermCounts[],
  lexicon: Lexicon,
  options: FeatureOptions = DEFAULT_FEATURES,
): Vocabulary {
  const size = lexicon.terms.length;
  const df = new Int32Array(size);
  for (const d of docs) for (const id of d.ids) df[id]!++;
  const pick = (char: boolean, cap: number): number[] => {
    const ids: number[] = [];
    for (let id = 0; id < size; id++) if (df[id]! >= options.minDf && lexicon.isCharTerm(id) === char) ids.push(id);
    if (ids.length <= cap) return ids;
    // Most frequent first; ties by the term itself, so the choice does not depend on the documents' order.
    const terms = lexicon.terms;
    ids.sort((a, b) => df[b]! - df[a]! || (terms[a]! < terms[b]! ? -1 : 1));
    return ids.slice(0, cap);
  };
  const chosen = [...pick(false, options.maxWordFeatures), ...pick(true, options.maxCharFeatures)].sort(
    (a, b) => a - b,
  );
  const termIds = Int32Array.from(chosen);
  const featureOf = new Int32Array(size).fill(-1);
  termIds.forEach((id, f) => (featureOf[id] = f));
  const n = docs.length;
  return {
    termIds,
    idf: Float64Array.from(termIds, (id) => Math.log((1 + n) / (1 + df[id]!)) + 1),
    isChar: Uint8Array.from(termIds, (id) => (lexicon.isCharTerm(id) ? 1 : 0)),
    featureOf,
  };
}

/** A document's TF-IDF vector in a vocabulary; each block unit length, scaled by 1/√blocks present. */
export function vectorise(doc: TermCounts, vocabulary: Vocabulary): SparseVector {
  const { featureOf, idf, isChar } = vocabulary;
  const idx = new Int32Array(doc.ids.length);
  const val = new Float64Array(doc.ids.length);
  let size = 0;
  let wordNorm = 0;
  let charNorm = 0;
  for (let k = 0; k < doc.ids.length; k++) {
    const id = doc.ids[k]!;
    const f = id < featureOf.length ? featureOf[id]! : -1;
    if (f < 0) continue;
    const count = doc.counts[k]!;
    const v = (count === 1 ? 1 : 1 + Math.log(count)) * idf[f]!;
    idx[size] = f;
    val[size++] = v;
    if (isChar[f]) charNorm += v * v;
    else wordNorm += v * v;
  }
  const blocks = (wordNorm > 0 ? 1 : 0) + (charNorm > 0 ? 1 : 0);
  const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm * blocks) : 0;
  const charScale = charNorm > 0 ? 1 / Math.sqrt(charNorm * blocks) : 0;
  for (let k = 0; k < size; k++) val[k]! *= isChar[idx[k]!] ? charScale : wordScale;
  // Features are numbered in lexicon order, so the indices are already ascending.
  return { idx: idx.slice(0, size), val: val.slice(0, size) };
}
