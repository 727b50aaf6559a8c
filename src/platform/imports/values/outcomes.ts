/**
 * Renewal outcome words as exports write them: churned (1) or retained (0). Read by the account import's
 * `outcome` column and by the churn-risk model. Pure.
 */

export const CHURNED_WORDS = ['yes', 'y', 'true', '1', 'churned'] as const;
export const RETAINED_WORDS = ['no', 'n', 'false', '0', 'retained'] as const;
export const OUTCOME_WORDS_HELP = 'yes/no, true/false, 1/0, churned/retained, y/n';

const CHURNED = new Set<string>(CHURNED_WORDS);
const RETAINED = new Set<string>(RETAINED_WORDS);

/** Churned (1) or not (0) from yes/no, true/false, 1/0, churned/retained, y/n; null for anything else. */
export function outcomeOf(cell: string | number | boolean | null | undefined): 0 | 1 | null {
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  const word = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim().toLowerCase() : '';
  if (CHURNED.has(word)) return 1;
  if (RETAINED.has(word)) return 0;
  return null;
}
