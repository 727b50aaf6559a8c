export const CATEGORIES = ['how_to', 'bug', 'configuration', 'feature_request', 'billing', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  how_to: 'How to',
  bug: 'Bug',
  configuration: 'Configuration',
  feature_request: 'Feature request',
  billing: 'Billing',
  other: 'Other',
};

export const SOURCE_LABELS: Record<string, string> = {
  source: 'help desk',
  rule: 'keyword rule',
  model: 'model',
  person: 'a person',
};

export interface Ticket {
  id: string;
  accountId: string | null;
  externalId: string;
  subject: string | null;
  status: string | null;
  category: Category | null;
  categorySource: 'source' | 'rule' | 'model' | 'person' | null;
  organization: string | null;
  requesterEmail: string | null;
  createdAt: string;
}

export interface TicketPage {
  items: Ticket[];
  nextCursor: string | null;
}

export interface ModelAnswer {
  model: {
    trainedAt: string;
    n: number;
    folds: number;
    accuracy: number;
    macroF1: number;
    perClass: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  } | null;
}

export interface LoadWindow {
  days: number;
  tickets: number;
  per100Seats: number | null;
  complete: boolean;
}

export interface AccountLoad {
  accountId: string;
  accountName: string;
  goLive: string | null;
  seats: number | null;
  windows: LoadWindow[];
  tickets: number;
  howToShare: number | null;
  medianFirstResponseHours: number | null;
  medianResolutionHours: number | null;
  /** Tickets first answered later than their priority's target, or not answered yet past it. */
  slaBreaches: number;
  /** Tickets solved later than their priority's resolution target, or still open past it. */
  resolutionBreaches: number;
  /** Of those, the tickets still open. */
  resolutionBreachesOpen: number;
  escalations: number;
  reopened: number | null;
  csat: number | null;
  rated: number;
  sentence: string;
}

/**
 * Hours to a first answer and to solving promised per ticket priority (`GET/PUT /api/v1/support/sla`); `normal`
 * covers the rest.
 */
export interface SlaTargets {
  firstResponseHours: Record<string, number>;
  resolutionHours: Record<string, number>;
}

export interface LoadsAnswer {
  items: AccountLoad[];
  slaTargets: SlaTargets;
}

export type TrendWeek = { week: string; total: number } & Record<Category | 'unlabelled', number>;

export interface TicketDetail extends Ticket {
  description: string | null;
  priority: string | null;
  tags: string[];
  firstResponseAt: string | null;
  solvedAt: string | null;
  satisfaction: string | null;
  reopens?: number | null;
  history: Array<{ status: string; at: string }>;
}

export interface TicketRule {
  category: Category;
  any: string[];
  field: 'subject' | 'description' | 'any';
}

export interface RulesPreview {
  rules: Array<{ rule: number; category: Category; labels: number; changes: number }>;
  considered: number;
  unmatched: number;
  kept: number;
}

export interface DeflectionReport {
  from: string;
  to: string;
  suggestions: number;
  answered: number;
  helped: number;
  notHelped: number;
  deflectionRate: number | null;
  coverage: number | null;
  byChannel: Array<{ channel: string; suggestions: number; answered: number; helped: number }>;
  sentence: string;
}
