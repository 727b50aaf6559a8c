/** Tickets as Baton keeps them, and how a help desk's category words become Baton's categories (pure). */
import { isTicketCategory, type LabelSource, type TicketCategory } from './classify/categories.ts';

/** A ticket as a source gives it (a file's row, the demo), before it is stored. */
export interface TicketRecord {
  source: string;
  externalId: string;
  subject: string | null;
  description: string | null;
  status: string | null;
  priority: string | null;
  /** The source's own category, already read into Baton's (null: the source gave none Baton knows). */
  category: TicketCategory | null;
  channel: string | null;
  requesterEmail: string | null;
  organization: string | null;
  accountExternalId: string | null;
  assignee: string | null;
  tags: string[];
  createdAt: string;
  firstResponseAt: string | null;
  solvedAt: string | null;
  satisfaction: string | null;
  /** When the source last changed it (null: the source does not say). */
  updatedAt: string | null;
  /** How many times it left solved or closed again (left out: the source does not say). */
  reopens?: number | null;
}

export interface Ticket extends Omit<TicketRecord, 'category'> {
  id: string;
  accountId: string | null;
  category: TicketCategory | null;
  categorySource: LabelSource | null;
}

/**
 * Words help desks use for a ticket's kind (Zendesk's type, Salesforce's Type, HubSpot's category, GitHub
 * labels), in lower case with `_` for spaces and dashes. A word not here and not a category itself is read
 * as no label, and the ticket is labelled by the rules or the model.
 */
const CATEGORY_WORDS: ReadonlyMap<string, TicketCategory> = new Map([
  ['question', 'how_to'],
  ['questions', 'how_to'],
  ['how_to', 'how_to'],
  ['howto', 'how_to'],
  ['general_inquiry', 'how_to'],
  ['usage', 'how_to'],
  ['training', 'how_to'],
  ['incident', 'bug'],
  ['problem', 'bug'],
  ['defect', 'bug'],
  ['product_issue', 'bug'],
  ['bug', 'bug'],
  ['feature', 'feature_request'],
  ['feature_request', 'feature_request'],
  ['enhancement', 'feature_request'],
  ['idea', 'feature_request'],
  ['configuration', 'configuration'],
  ['setup', 'configuration'],
  ['integration', 'configuration'],
  ['billing', 'billing'],
  ['billing_issue', 'billing'],
  ['invoice', 'billing'],
  ['other', 'other'],
]);

export const categoryKey = (raw: string): string =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * A source's category word → Baton's category: the workspace's own aliases first (`question` → `how_to`),
 * then the words help desks commonly use; undefined for a word neither knows, null for a blank one.
 */
export function categoryOf(
  raw: string,
  aliases: ReadonlyMap<string, TicketCategory> = new Map(),
): TicketCategory | null | undefined {
  const key = categoryKey(raw);
  if (key === '') return null;
  if (aliases.has(key)) return aliases.get(key);
  if (isTicketCategory(key)) return key;
  return CATEGORY_WORDS.get(key);
}

/** The email's domain (lower case), or null. */
export const emailDomain = (email: string | null): string | null => {
  const at = email?.lastIndexOf('@') ?? -1;
  return email && at > 0 ? email.slice(at + 1).toLowerCase() : null;
};
