/**
 * What an earlier module of the journey asks of a later one, answered here: the earlier module declares an extension
 * point and never names the modules answering it; the composition root plugs each later module's answer in.
 */
import { addPartnerAccountSource } from '../modules/accounts/index.ts';
import { accountIdsDeliveredBy } from '../modules/delivery/index.ts';
import { setFirstUseSource } from '../modules/delivery/index.ts';
import { firstUseDays } from '../modules/usage/index.ts';

export function installLookups(): void {
  // A partner firm reads the accounts it delivers a project for.
  addPartnerAccountSource(accountIdsDeliveredBy);
  // Milestones completed by real use: the first day an account did the event, from usage's daily rollups.
  setFirstUseSource(firstUseDays);
}
