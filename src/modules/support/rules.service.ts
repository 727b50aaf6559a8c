import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, isAppError } from '../../platform/errors/app-error.ts';
import { readSetting, writeSetting } from '../../platform/settings/settings.service.ts';
import { previewRules, type RulesPreview } from './classify/rules-preview.ts';
import { type CompiledRule, compileRules, type TicketRule } from './classify/rules.ts';
import { ticketRulesSetting } from './support.settings.ts';
import { selectTicketTexts } from './ticket.store.ts';

export const readTicketRules = (db: Db, workspaceId: string) => readSetting(db, workspaceId, ticketRulesSetting);

/** Compiles rules from a body; a phrase that is no valid regular expression is refused naming its rule. */
function compileBody(rules: readonly TicketRule[]): CompiledRule[] {
  return rules.map((rule, i) => {
    try {
      return compileRules([rule])[0]!;
    } catch (e) {
      if (!isAppError(e)) throw e;
      throw AppError.validation(`body.rules.${i}.any`, e.message);
    }
  });
}

/** Replaces the workspace's rules, each checked first. */
export async function writeTicketRules(db: Db, actor: Actor, workspaceId: string, value: { rules: TicketRule[] }) {
  compileBody(value.rules);
  return writeSetting(db, actor, workspaceId, ticketRulesSetting, value);
}

/** How many of the workspace's tickets each of these rules would label, nothing written. */
export async function previewTicketRules(
  db: Db,
  workspaceId: string,
  rules: readonly TicketRule[],
): Promise<RulesPreview> {
  const compiled = compileBody(rules);
  const tickets = await selectTicketTexts(db, workspaceId);
  return previewRules(
    compiled,
    tickets.map((t) => ({
      subject: t.subject,
      description: t.description,
      category: t.category,
      categorySource: t.category_source,
    })),
  );
}
