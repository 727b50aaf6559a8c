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
