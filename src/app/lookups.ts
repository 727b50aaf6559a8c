/**
 * What an earlier module of the journey asks of a later one, answered here: the earlier module declares an extension
 * point and never names the modules answering it; the composition root plugs each later module's answer in.
 */
import { addPartnerAccountSource } from '../modules/accounts/index.ts';
import { accountIdsDeliveredBy, projectIdOfHandoff, setFirstUseSource } from '../modules/delivery/index.ts';
import { setBriefProjectSource } from '../modules/handoffs/index.ts';
import { accountsArrOn } from '../modules/revenue/index.ts';
import { type AccountValue, setAccountValueSource } from '../modules/signals/index.ts';
import { firstUseDays } from '../modules/usage/index.ts';

export function installLookups(): void {
  // A partner firm reads the accounts it delivers a project for.
  addPartnerAccountSource(accountIdsDeliveredBy);
  // The project an accepted handoff brief started.
  setBriefProjectSource(projectIdOfHandoff);
  // Milestones completed by real use: the first day an account did the event, from usage's daily rollups.
  setFirstUseSource(firstUseDays);
  // The money a time-to-value signal's delay costs: each account's ARR on the day, from revenue.
  setAccountValueSource(async (db, _caps, workspaceId, accountIds, day) => {
    const { currency, arr } = await accountsArrOn(db, workspaceId, accountIds, day);
    return new Map<string, AccountValue>([...arr].map(([accountId, value]) => [accountId, { currency, arr: value }]));
  });
}
