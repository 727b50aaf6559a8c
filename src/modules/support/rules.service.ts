import type { Actor } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, isAppError } from '../../platform/errors/app-error.ts';
import { readSetting, writeSetting } from '../../platform/settings/settings.service.ts';
import { compileRules, type TicketRule } from './classify/rules.ts';
import { ticketRulesSetting } from './support.settings.ts';

export const readTicketRules = (db: Db, workspaceId: string) => readSetting(db, workspaceId, ticketRulesSetting);

/** Replaces the workspace's rules; a phrase that is no valid regular expression is refused naming its rule. */
export async function writeTicketRules(db: Db, actor: Actor, workspaceId: string, value: { rules: TicketRule[] }) {
  for (const [i, rule] of value.rules.entries()) {
    try {
      compileRules([rule]);
    } catch (e) {
      if (!isAppError(e)) throw e;
      throw AppError.validation(`body.rules.${i}.any`, e.message);
    }
  }
  return writeSetting(db, actor, workspaceId, ticketRulesSetting, value);
}
