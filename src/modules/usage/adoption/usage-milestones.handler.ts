import type { EventHandler } from '../../../platform/events/domain-events.ts';
import { unwatchFirstUse, watchFirstUse } from './first-use.service.ts';

/**
 * Delivery's milestones now wait for other usage events: the awaited ones are watched (ingest queues
 * `delivery.usage-milestones` when the account first does one), the reached ones no longer, in delivery's transaction.
 */
export const watchMilestoneUsage: EventHandler<'delivery.usage-milestones-changed'> = async (
  db,
  { workspaceId, awaited, reached },
) => {
  await watchFirstUse(db, workspaceId, awaited);
  await unwatchFirstUse(db, workspaceId, reached);
};
