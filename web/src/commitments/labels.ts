/** Words and colours of the commitments ledger. */

export const STATUS_LABELS: Record<string, string> = {
  not_reviewed: 'Not reviewed',
  under_consideration: 'Under consideration',
  planned: 'Planned',
  committed: 'Committed',
  shipped: 'Shipped',
  declined: 'Declined',
};

export const STATUS_COLORS: Record<string, string> = {
  not_reviewed: 'gray',
  under_consideration: 'yellow',
  planned: 'blue',
  committed: 'indigo',
  shipped: 'teal',
  declined: 'red',
};

export const STRENGTH_LABELS: Record<string, string> = { vague: 'Vague', intent: 'Intent', firm: 'Firm' };
export const STRENGTH_COLORS: Record<string, string> = { vague: 'gray', intent: 'blue', firm: 'orange' };

/** Statuses in the order product moves a promise through them. */
export const STATUS_ORDER = ['not_reviewed', 'under_consideration', 'planned', 'committed', 'shipped', 'declined'];
