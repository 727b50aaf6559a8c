/**
 * Deflection as a measured figure (pure): of the suggestions people answered, the share that helped. Suggestions
 * nobody answered are counted apart, never as helped; suggestions with no article count against coverage.
 */
export const DEFLECTION_CHANNELS = ['widget', 'ticket', 'staff'] as const;
export type DeflectionChannel = (typeof DEFLECTION_CHANNELS)[number];

export interface DeflectionRow {
  channel: string;
  suggested: readonly string[];
  outcome: 'helped' | 'not_helped' | null;
  helpedArticleId: string | null;
}

export interface DeflectionReport {
  suggestions: number;
  /** Suggestions that found at least one article. */
  withArticles: number;
  answered: number;
  helped: number;
  notHelped: number;
  /** helped ÷ answered; null with none answered. */
  deflectionRate: number | null;
  /** Suggestions with an article ÷ suggestions; null with none. */
  coverage: number | null;
  byChannel: Array<{ channel: string; suggestions: number; answered: number; helped: number }>;
  /** The articles that helped most, by count. */
  topArticles: Array<{ articleId: string; helped: number }>;
  sentence: string;
}

const share = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
const pct = (x: number | null) => (x === null ? '' : `${Math.round(x * 100)} %`);

export function deflectionReport(rows: readonly DeflectionRow[]): DeflectionReport {
  const answered = rows.filter((r) => r.outcome !== null);
  const helped = answered.filter((r) => r.outcome === 'helped');
  const withArticles = rows.filter((r) => r.suggested.length > 0).length;
  const channels = new Map<string, { suggestions: number; answered: number; helped: number }>();
  const articles = new Map<string, number>();
  for (const r of rows) {
    const c = channels.get(r.channel) ?? { suggestions: 0, answered: 0, helped: 0 };
    c.suggestions += 1;
    if (r.outcome !== null) c.answered += 1;
    if (r.outcome === 'helped') c.helped += 1;
    channels.set(r.channel, c);
    if (r.outcome === 'helped' && r.helpedArticleId)
      articles.set(r.helpedArticleId, (articles.get(r.helpedArticleId) ?? 0) + 1);
  }
  const rate = share(helped.length, answered.length);
  const coverage = share(withArticles, rows.length);
  const sentence =
    rows.length === 0
      ? 'No articles were suggested in this period.'
      : answered.length === 0
        ? `${rows.length} suggestions, ${pct(coverage)} with an article; nobody said yet whether they helped, so ` +
          'there is no deflection rate.'
        : `${helped.length} of the ${answered.length} people who answered were helped by an article (` +
          `${pct(rate)}); ${rows.length - answered.length} of ${rows.length} suggestions were not answered and ` +
          `count for nothing. ${pct(coverage)} of the questions found an article.`;
  return {
    suggestions: rows.length,
    withArticles,
    answered: answered.length,
    helped: helped.length,
    notHelped: answered.length - helped.length,
    deflectionRate: rate,
    coverage,
    byChannel: [...channels.entries()]
      .map(([channel, c]) => ({ channel, ...c }))
      .sort((a, b) => b.suggestions - a.suggestions),
    topArticles: [...articles.entries()]
      .map(([articleId, n]) => ({ articleId, helped: n }))
      .sort((a, b) => b.helped - a.helped || a.articleId.localeCompare(b.articleId))
      .slice(0, 10),
    sentence,
  };
}
