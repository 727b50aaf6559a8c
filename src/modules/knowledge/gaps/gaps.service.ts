/**
 * Knowledge gaps: clusters of repetitive how-to and configuration questions of the last days (tickets read through
 * support's face) that no published article answers well yet, largest first. A cluster counts as answered when one
 * of the articles the search finds for its representative question holds enough of the cluster's key terms.
 */
import { accountNamesOf } from '../../accounts/index.ts';
import { questionTicketsSince, type QuestionTicket } from '../../support/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { getArticle } from '../article.service.ts';
import { isResolved } from '../draft.ts';
import { searchKnowledge } from '../search/search.service.ts';
import { clusterQuestions, coverage, DEFAULT_CLUSTER_OPTIONS } from './question-clusters.ts';

/** The categories whose questions an article could answer. */
export const GAP_CATEGORIES = ['how_to', 'configuration'] as const;
/** The most questions clustered: the newest are kept. */
export const MAX_QUESTIONS = 3_000;
const SAMPLES = 5;
const ARTICLES_TRIED = 3;

export interface GapOptions {
  days: number;
  /** An article holding this share of a cluster's key terms answers it (0–1). */
  answeredAt: number;
  minSize: number;
  threshold: number;
}

export const DEFAULT_GAP_OPTIONS: GapOptions = {
  days: 90,
  answeredAt: 0.6,
  minSize: DEFAULT_CLUSTER_OPTIONS.minSize,
  threshold: DEFAULT_CLUSTER_OPTIONS.threshold,
};

const ticketRef = (t: QuestionTicket) => ({
  id: t.id,
  externalId: t.externalId,
  subject: t.subject,
  createdAt: t.createdAt,
  resolved: isResolved(t),
});

export interface KnowledgeGap {
  tickets: number;
  representative: ReturnType<typeof ticketRef>;
  terms: string[];
  samples: Array<ReturnType<typeof ticketRef>>;
  accounts: Array<{ id: string; name: string; tickets: number }>;
  /** Tickets of the cluster no account was found for. */
  unmatched: number;
  /** The resolved ticket to draft the article from (the representative when resolved, else the newest resolved). */
  draftFrom: string | null;
  /** The article that came nearest, with the share of the key terms it holds. */
  nearest: { id: string; title: string; coverage: number } | null;
  sentence: string;
}

export interface KnowledgeGaps {
  from: string;
  days: number;
  questions: number;
  clusters: number;
  answered: number;
  gaps: KnowledgeGap[];
  sentence: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export async function knowledgeGaps(
  db: Db,
  workspaceId: string,
  now: Date,
  options: GapOptions = DEFAULT_GAP_OPTIONS,
): Promise<KnowledgeGaps> {
  const from = new Date(now.getTime() - options.days * 86_400_000).toISOString();
  const questions = await questionTicketsSince(db, workspaceId, from, GAP_CATEGORIES, MAX_QUESTIONS);
  const clusters = clusterQuestions(questions, { threshold: options.threshold, minSize: options.minSize });
  const names = await accountNamesOf(db, workspaceId, [
    ...new Set(clusters.flatMap((c) => c.members.map((m) => m.accountId).filter((a) => a !== null))),
  ]);
  const gaps: KnowledgeGap[] = [];
  for (const c of clusters) {
    const rep = c.representative;
    const hits = await searchKnowledge(
      db,
      { workspaceId, partnerId: null },
      {
        query: `${rep.subject ?? ''} ${c.terms.map((t) => t.term).join(' ')}`,
        limit: ARTICLES_TRIED,
        kinds: ['article'],
      },
    );
    let nearest: KnowledgeGap['nearest'] = null;
    for (const hit of hits) {
      const article = await getArticle(db, workspaceId, hit.id);
      const share = coverage(c.terms, `${article.title} ${article.title} ${article.body}`);
      if (!nearest || share > nearest.coverage) nearest = { id: article.id, title: article.title, coverage: share };
    }
    if (nearest && nearest.coverage >= options.answeredAt) continue;
    const byAccount = new Map<string, number>();
    for (const m of c.members) if (m.accountId) byAccount.set(m.accountId, (byAccount.get(m.accountId) ?? 0) + 1);
    const accounts = [...byAccount]
      .map(([id, tickets]) => ({ id, name: names.get(id) ?? id, tickets }))
      .sort((a, b) => b.tickets - a.tickets || a.name.localeCompare(b.name));
    const newestFirst = [...c.members].reverse();
    const draftFrom = isResolved(rep) ? rep.id : (newestFirst.find(isResolved)?.id ?? null);
    const unmatched = c.members.filter((m) => m.accountId === null).length;
    gaps.push({
      tickets: c.members.length,
      representative: ticketRef(rep),
      terms: c.terms.map((t) => t.term),
      samples: newestFirst
        .filter((m) => m !== rep)
        .slice(0, SAMPLES)
        .map(ticketRef),
      accounts,
      unmatched,
      draftFrom,
      nearest,
      sentence:
        `${plural(c.members.length, 'ticket')} from ${plural(accounts.length, 'account')}` +
        `${unmatched ? ` (and ${unmatched} without one)` : ''} ask like “${rep.subject ?? rep.externalId}”; ` +
        (nearest
          ? `the nearest article, “${nearest.title}”, holds ${Math.round(nearest.coverage * 100)} % of their key terms.`
          : 'no published article comes near.'),
    });
  }
  const answered = clusters.length - gaps.length;
  return {
    from: from.slice(0, 10),
    days: options.days,
    questions: questions.length,
    clusters: clusters.length,
    answered,
    gaps,
    sentence:
      `Of ${plural(questions.length, 'how-to or configuration ticket')} in the last ${options.days} days, ` +
      `${plural(clusters.length, 'cluster')} of ${options.minSize} or more alike questions formed; ` +
      `${answered} ${answered === 1 ? 'is' : 'are'} answered by an article, ${gaps.length} ${gaps.length === 1 ? 'is' : 'are'} not.`,
  };
}
