import type { EventHandler } from '../../../platform/events/domain-events.ts';
import { startProjectForHandoff } from './project.service.ts';

/**
 * Delivery accepted a handoff brief: its project starts from the playbook the deal's products and the account's
 * segment select, in the accepting transaction (an error here undoes the acceptance and reaches its caller).
 */
export const startProjectOfAcceptedHandoff: EventHandler<'handoffs.accepted'> = async (db, handoff) => {
  await startProjectForHandoff(db, handoff.actor, handoff);
};
