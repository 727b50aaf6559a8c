/**
 * A person's question as search terms (pure): words of letters and digits, lower case, English stop words and
 * one-letter words left out, each once. Terms hold no punctuation, so no input can carry the full-text engines'
 * own syntax (quotes, `*`, `NEAR(`, `AND`/`OR`, `:`, `&`, `!`) into a query; they are combined with OR, so an
 * answer need not hold every word of a question.
 */

/** The longest question read, and the most terms taken from it. */
export const MAX_QUERY = 1_000;
export const MAX_TERMS = 32;
const MAX_TERM = 64;

/** Common English words that say nothing of what is asked (with the question words customers start with). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between ' +
    'both but by can cannot could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just let me more most my myself ' +
    'no nor not now of off on once only or other ought our ours ourselves out over own same she should so some ' +
    'such than that the their theirs them themselves then there these they this those through to too under ' +
    'until up very was we were what when where which while who whom why will with would you your yours ' +
    'yourself yourselves s t d ll m re ve don doesn didn isn aren wasn weren won wouldn shouldn couldn ' +
    'anyone someone something anything get got getting gets please thanks thank hi hello us also still ' +
    'want wanted need needs way ways via'
  ).split(/\s+/),
);

/** The search terms of a question, in their order, each once (none: nothing to search for). */
export function searchTerms(question: string): string[] {
  const words =
    question
      .slice(0, MAX_QUERY)
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    if (word.length < 2 || STOP_WORDS.has(word) || terms.includes(word)) continue;
    terms.push(word.slice(0, MAX_TERM));
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/**
 * An FTS5 MATCH expression over the title and body: each term a quoted string (a phrase of one word), joined by OR.
 */
export const ftsMatch = (terms: readonly string[]): string =>
  `{title body} : (${terms.map((t) => `"${t}"`).join(' OR ')})`;

/**
 * A workspace id as the one search token SQLite's index keeps for it (the porter tokenizer leaves it alone): dashes
 * out, then 9 → 90 and a…f → 91…96 (no code starts another, so two ids never meet), after a `w`. The index's
 * triggers compute the same in SQL (migration `2026-12-07T0500-search-fts-rows`).
 */
export function workspaceToken(workspaceId: string): string {
  let code = workspaceId.replaceAll('-', '').replaceAll('9', '90');
  for (const [i, letter] of [...'abcdef'].entries()) code = code.replaceAll(letter, `9${i + 1}`);
  return `w${code}`;
}

/**
 * The MATCH expression of the documents searched: a workspace's (its token), of some kinds only when not all are
 * asked for (a token per workspace and kind), holding any of the terms.
 */
export function scopedFtsMatch(
  workspaceId: string,
  kinds: readonly string[],
  allKinds: readonly string[],
  terms: readonly string[],
): string {
  const ws = workspaceToken(workspaceId);
  const scope = allKinds.every((k) => kinds.includes(k))
    ? `scope : "${ws}"`
    : `scope : (${kinds.map((k) => `"${ws}k${k}"`).join(' OR ')})`;
  return `${scope} AND ${ftsMatch(terms)}`;
}

/** A PostgreSQL `to_tsquery` text: the terms joined by `|`. */
export const tsQueryText = (terms: readonly string[]): string => terms.join(' | ');

/** Highlight marks the engines put around matched words, turned into `<mark>` once the text is escaped. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A snippet from an engine as safe HTML: everything escaped, the matched words inside `<mark>`, lines joined. */
export function snippetHtml(raw: string): string {
  return raw
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
    .replace(/\s+/g, ' ')
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>')
    .trim();
}

/** A snippet's plain text (the command line): the marks left out. */
export const snippetText = (html: string): string =>
  html
    .replace(/<\/?mark>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) =>
      e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
    );
