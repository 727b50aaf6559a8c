import { describe, expect, it } from 'vitest';
import {
  countTerms,
  DEFAULT_FEATURES,
  type FeatureOptions,
  fitVocabulary,
  Lexicon,
  normalise,
  vectorise,
  words,
} from './text-features.ts';

const wordsOnly: FeatureOptions = { ...DEFAULT_FEATURES, charMax: 0, minDf: 1 };
const termsOf = (text: string, options: FeatureOptions) => {
  const lexicon = new Lexicon();
  const counts = countTerms(text, lexicon, options);
  return Object.fromEntries(Array.from(counts.ids, (id, k) => [lexicon.terms[id]!, counts.counts[k]!]));
};
const norm = (v: { val: Float64Array }) => Math.sqrt(v.val.reduce((s, x) => s + x * x, 0));

describe('normalise', () => {
  it.each([
    ['Export FAILS', 'export fails'],
    ['see ```\nconst x = 1;\n``` above', 'see  xxcode  above'],
    ['docs at https://example.com/a?b=c now', 'docs at  xxurl  now'],
    ['mail ann@example.com', 'mail  xxemail '],
    ['commit 3f2a9c1d7e broke it', 'commit  xxhex  broke it'],
    ['version 4.28.0 and 12 seats', 'version  xxnum  and  xxnum  seats'],
    ['how do I export?', 'how do i export xxquestion '],
  ])('%j → %j', (text, expected) => {
    expect(normalise(text)).toBe(expected);
  });

  it('keeps letters of any script as words, drops single letters and punctuation', () => {
    expect(words(normalise('Rechnung für März — a b ok!'))).toEqual(['rechnung', 'für', 'märz', 'ok']);
  });
});

describe('countTerms', () => {
  it('counts word unigrams and bigrams', () => {
    expect(termsOf('Export fails, export fails again', wordsOnly)).toEqual({
      export: 2,
      fails: 2,
      again: 1,
      'export fails': 2,
      'fails export': 1,
      'fails again': 1,
    });
  });

  it('counts character n-grams inside word boundaries only', () => {
    const terms = termsOf('ab cd', { ...wordsOnly, maxWordNgram: 1, charMin: 3, charMax: 4 });
    expect(
      Object.keys(terms)
        .filter((t) => t.startsWith('~'))
        .sort(),
    ).toEqual(['~ ab', '~ ab ', '~ cd', '~ cd ', '~ab ', '~cd ']);
  });

  it('reads no more than maxWords words', () => {
    expect(termsOf('one two three four', { ...wordsOnly, maxWordNgram: 1, maxWords: 2 })).toEqual({ one: 1, two: 1 });
  });

  it('drops terms a frozen lexicon does not know', () => {
    const lexicon = new Lexicon(['export', 'fails'], true);
    const counts = countTerms('export never fails', lexicon, { ...wordsOnly, maxWordNgram: 1 });
    expect(Array.from(counts.ids)).toEqual([0, 1]);
    expect(lexicon.terms).toEqual(['export', 'fails']);
  });
});

describe('fitVocabulary', () => {
  const options: FeatureOptions = { ...wordsOnly, maxWordNgram: 1, minDf: 1 };
  const lexicon = new Lexicon();
  const train = ['invoice wrong', 'invoice late', 'export broken'].map((t) => countTerms(t, lexicon, options));
  const test = countTerms('refund invoice', lexicon, options);
  const vocabulary = fitVocabulary(train, lexicon, options);
  const vocabularyTerms = Array.from(vocabulary.termIds, (id) => lexicon.terms[id]);

  it('is fitted on the training documents only: a term seen only in a test document is not in it', () => {
    expect(vocabularyTerms).toEqual(['invoice', 'wrong', 'late', 'export', 'broken']);
    expect(vocabularyTerms).not.toContain('refund');
    const x = vectorise(test, vocabulary);
    expect(Array.from(x.idx)).toEqual([vocabularyTerms.indexOf('invoice')]);
    expect(x.val[0]).toBeCloseTo(1, 12);
  });

  it('takes IDF from the training documents: ln((1 + n) / (1 + df)) + 1', () => {
    expect(vocabulary.idf[vocabularyTerms.indexOf('invoice')]).toBeCloseTo(Math.log(4 / 3) + 1, 12);
    expect(vocabulary.idf[vocabularyTerms.indexOf('late')]).toBeCloseTo(Math.log(4 / 2) + 1, 12);
  });

  it('keeps terms seen in minDf documents, the most frequent first up to the cap, ties by the term', () => {
    const fitted = fitVocabulary(train, lexicon, { ...options, minDf: 2 });
    expect(Array.from(fitted.termIds, (id) => lexicon.terms[id])).toEqual(['invoice']);
    const capped = fitVocabulary(train, lexicon, { ...options, maxWordFeatures: 3 });
    expect(Array.from(capped.termIds, (id) => lexicon.terms[id])).toEqual(['invoice', 'export', 'broken']);
  });

  it('gives sublinear TF × IDF vectors of unit length, each block weighing the same', () => {
    const both: FeatureOptions = { ...DEFAULT_FEATURES, minDf: 1 };
    const lex = new Lexicon();
    const docs = ['invoice invoice invoice wrong', 'export broken'].map((t) => countTerms(t, lex, both));
    const vocab = fitVocabulary(docs, lex, both);
    const x = vectorise(docs[0]!, vocab);
    expect(norm(x)).toBeCloseTo(1, 12);
    const block = (char: boolean) =>
      Math.sqrt(x.val.reduce((s, v, k) => s + (vocab.isChar[x.idx[k]!] === (char ? 1 : 0) ? v * v : 0), 0));
    expect(block(false)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(block(true)).toBeCloseTo(Math.SQRT1_2, 12);
    // invoice ×3 → 1 + ln 3 against wrong ×1 → 1, same IDF (each in one document of two).
    const value = (term: string) => x.val[Array.from(x.idx).indexOf(vocab.featureOf[lex.id(term)]!)]!;
    expect(value('invoice') / value('wrong')).toBeCloseTo(1 + Math.log(3), 12);
  });
});
