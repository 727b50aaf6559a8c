/**
 * What a set of keyword rules would do to a workspace's tickets (pure): how many tickets each rule would label
 * (the first matching rule wins, as when labelling), how many of those would change category, and how many no rule
 * matches (left to the model). Tickets labelled by their help desk or a person are counted apart: rules never
 * relabel them.
 */
import { applyRules, type CompiledRule } from './rules.ts';

export interface PreviewTicket {
  subject: string | null;
  description: string | null;
  category: string | null;
  categorySource: string | null;
}

export interface RulesPreview {
  rules: Array<{ rule: number; category: string; labels: number; changes: number }>;
  /** Tickets rules may label (not the help desk's nor a person's). */
  considered: number;
  /** Of those, tickets no rule matches. */
  unmatched: number;
  /** Tickets kept as their help desk or a person labelled them. */
  kept: number;
}

export function previewRules(rules: readonly CompiledRule[], tickets: readonly PreviewTicket[]): RulesPreview {
  const counts = rules.map((r, rule) => ({ rule, category: r.category as string, labels: 0, changes: 0 }));
  let considered = 0;
  let unmatched = 0;
  for (const t of tickets) {
    if (t.categorySource === 'source' || t.categorySource === 'person') continue;
    considered += 1;
    const match = applyRules(rules, t);
    if (!match) {
      unmatched += 1;
      continue;
    }
    const c = counts[match.rule]!;
    c.labels += 1;
    if (t.category !== match.category) c.changes += 1;
  }
  return { rules: counts, considered, unmatched, kept: tickets.length - considered };
}
