/**
 * The account import's way of publishing `accounts.appeared` (see `account.events.ts`), kept under this name until
 * that import publishes the event itself; every other writer of accounts publishes it directly.
 */
import type { Db } from '../../platform/db/database.ts';
import { publish } from '../../platform/events/domain-events.ts';

export const queueAccountsAppeared = (db: Db, workspaceId: string): Promise<void> =>
  publish(db, 'accounts.appeared', { workspaceId });
