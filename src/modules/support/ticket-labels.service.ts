/**
 * How a stored ticket gets its category: its help desk's label (`source`), else the workspace's keyword rules
 * (`rule`), else the last trained model (`model`); a person's correction (`person`) is never overwritten.
 */
import type { Db } from '../../platform/db/database.ts';
import { readSetting } from '../../platform/settings/settings.service.ts';
import type { LabelSource, TicketCategory } from './classify/categories.ts';
import type { TicketClassifierModel } from './classify/classifier.ts';
import { suggestLabel } from './classify/label-tickets.ts';
import { compileRules } from './classify/rules.ts';
import { isTicketCategory } from './classify/categories.ts';
import { ticketRulesSetting } from './support.settings.ts';
import { selectModel } from './ticket.store.ts';

export interface Label {
  category: TicketCategory | null;
  source: LabelSource | null;
}

export interface Labeller {
  label(ticket: { subject: string | null; description: string | null; category: TicketCategory | null }): Label;
}

/** The last fitted model of a workspace, or null. */
export async function loadModel(db: Db, workspaceId: string): Promise<TicketClassifierModel | null> {
  const row = await selectModel(db, workspaceId);
  return row ? (JSON.parse(row.model) as TicketClassifierModel) : null;
}

/** A labeller for one workspace: its rules and its model read once. */
export async function workspaceLabeller(db: Db, workspaceId: string): Promise<Labeller> {
  const rules = compileRules((await readSetting(db, workspaceId, ticketRulesSetting)).rules);
  const model = await loadModel(db, workspaceId);
  return {
    label: (ticket) => {
      if (ticket.category) return { category: ticket.category, source: 'source' };
      const suggestion = suggestLabel(ticket, rules, model);
      if (!suggestion || !isTicketCategory(suggestion.label)) return { category: null, source: null };
      return { category: suggestion.label, source: suggestion.source };
    },
  };
}
