import type { Db } from '../../../platform/db/database.ts';
import { type DealProfile, rankPlaybooks, readMatch, type SelectionRules } from './playbook-match.ts';
import { listPlaybooks, type PlaybookSummary } from './playbook.service.ts';

// Why each playbook does or does not fit a deal; `selectPlaybook` (playbook.service.ts) makes the choice.

const rulesOf = (p: PlaybookSummary): SelectionRules & { summary: PlaybookSummary } => ({
  id: p.id,
  products: p.products,
  segments: p.segments,
  priority: p.priority,
  createdAt: p.createdAt,
  archived: p.archived,
  summary: p,
});

export interface PlaybookCandidate {
  playbook: PlaybookSummary;
  matches: boolean;
  reason: string;
  /** 1 for the playbook the deal gets, 2 for the next, …; null for those that do not fit. */
  rank: number | null;
}

/** Every playbook with whether it fits a deal and why, the chosen one first: for people to check the rules. */
export async function explainSelection(
  db: Db,
  workspaceId: string,
  deal: DealProfile,
): Promise<{ selected: PlaybookSummary | null; candidates: PlaybookCandidate[] }> {
  const all = (await listPlaybooks(db, workspaceId)).map(rulesOf);
  const ranked = rankPlaybooks(all, deal);
  const rank = new Map(ranked.map((p, i) => [p.id, i + 1]));
  const candidates = [...ranked, ...all.filter((p) => !rank.has(p.id))].map((p) => {
    const reading = readMatch(p, deal);
    return { playbook: p.summary, matches: reading.matches, reason: reading.reason, rank: rank.get(p.id) ?? null };
  });
  return { selected: ranked[0]?.summary ?? null, candidates };
}
