/**
 * Workspace-editable labelling rules, applied before the model (pure). A rule names a category and the
 * phrases that put a ticket in it; the first rule with a matching phrase decides, and the answer says
 * which rule, phrase and field matched. A phrase is matched as whole words, case-insensitively; a phrase
 * written `/…/` is a regular expression, case-insensitive too (`s`, `m` or `u` may follow the slash).
 */
import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.ts';
import { TICKET_CATEGORIES, type TicketCategory } from './categories.ts';

export const ticketRuleSchema = z.object({
  category: z.enum(TICKET_CATEGORIES),
  any: z.array(z.string().trim().min(1).max(200)).min(1).max(100),
  field: z.enum(['subject', 'description', 'any']).default('any'),
});
export type TicketRule = z.input<typeof ticketRuleSchema>;

export interface RuleTicket {
  subject: string | null;
  description: string | null;
}

/** The evidence for a rule's label: which rule (its place in the list), phrase and field. */
export interface RuleMatch {
  category: TicketCategory;
  rule: number;
  phrase: string;
  field: 'subject' | 'description';
  /** The text that matched, as written in the ticket. */
  matched: string;
}

/**
 * Baton's rules for a new workspace. Billing words are specific wherever they appear. Questions of the
 * "how do I" kind are read in the subject only: a description's "how to reproduce" belongs to a bug.
 */
export const DEFAULT_TICKET_RULES: TicketRule[] = [
  {
    category: 'billing',
    any: [
      'invoice',
      'invoices',
      'invoiced',
      'refund',
      'refunds',
      'refunded',
      'billing',
      'billed',
      'payment',
      'payments',
      'receipt',
      'credit card',
      'overcharged',
      'double charged',
      'charged twice',
      '/\\bcharged? (?:on|to) (?:my|our) (?:card|account)\\b/',
      'vat number',
    ],
    field: 'any',
  },
  {
    category: 'how_to',
    any: ['how do i', 'how do we', 'how can i', 'how can we', 'how to', 'where can i', 'where do i'],
    field: 'subject',
  },
];

export interface CompiledRule {
  category: TicketCategory;
  field: 'subject' | 'description' | 'any';
  phrases: Array<{ phrase: string; pattern: RegExp }>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase's pattern: `/…/flags` as written (case-insensitive), else its words with any spacing between them. */
export function phrasePattern(phrase: string): RegExp {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(phrase);
  if (literal) {
    try {
      return new RegExp(literal[1]!, `${literal[2]!.replace(/[giy]/g, '')}i`);
    } catch (e) {
      throw new AppError('validation', `rule phrase ${phrase} is not a valid regular expression`, { cause: e });
    }
  }
  const words = phrase.trim().split(/\s+/).map(escape).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Checks and compiles a workspace's rules once, to apply to many tickets. */
export function compileRules(rules: readonly TicketRule[]): CompiledRule[] {
  return rules.map((raw, i) => {
    const parsed = ticketRuleSchema.safeParse(raw);
    if (!parsed.success) {
      throw AppError.validation(`rules[${i}]`, parsed.error.issues.map((issue) => issue.message).join('; '));
    }
    const rule = parsed.data;
    return {
      category: rule.category,
      field: rule.field,
      phrases: rule.any.map((phrase) => ({ phrase, pattern: phrasePattern(phrase) })),
    };
  });
}

/** The first rule that matches the ticket, or null: rules in order, each phrase in order, subject first. */
export function applyRules(rules: readonly CompiledRule[], ticket: RuleTicket): RuleMatch | null {
  for (const [index, rule] of rules.entries()) {
    const fields = (['subject', 'description'] as const).filter((f) => rule.field === 'any' || rule.field === f);
    for (const { phrase, pattern } of rule.phrases) {
      for (const field of fields) {
        const found = pattern.exec(ticket[field] ?? '');
        if (found) return { category: rule.category, rule: index, phrase, field, matched: found[0] };
      }
    }
  }
  return null;
}
