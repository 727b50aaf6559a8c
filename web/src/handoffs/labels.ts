export const BRIEF_STATE_LABELS: Record<string, string> = {
  draft: 'Draft',
  submitted: 'With delivery',
  returned: 'Returned',
  accepted: 'Accepted',
};
export const BRIEF_STATE_COLORS: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'teal',
};
export const completenessColor = (score: number, threshold: number): string =>
  score >= threshold ? 'teal' : score >= threshold - 30 ? 'yellow' : 'red';
