import { accountNamesOf } from '../accounts/index.ts';
import { accountGoLive } from '../delivery/index.ts';
import { findSeats } from '../usage/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { type SupportLoad, supportLoad } from './load.ts';
import { selectAccountTickets } from './ticket.store.ts';

/** An account's support load after go-live: go-live from delivery, licensed seats from usage. */
export async function accountSupportLoad(
  db: Db,
  workspaceId: string,
  accountId: string,
  today: string,
): Promise<SupportLoad> {
  if ((await accountNamesOf(db, workspaceId, [accountId])).size === 0) throw AppError.notFound('account');
  const [tickets, goLive, seats] = await Promise.all([
    selectAccountTickets(db, workspaceId, accountId),
    accountGoLive(db, workspaceId, accountId),
    findSeats(db, workspaceId, accountId),
  ]);
  return supportLoad(
    tickets.map((t) => ({
      category: t.category,
      createdAt: t.created_at,
      firstResponseAt: t.first_response_at,
      solvedAt: t.solved_at,
    })),
    goLive,
    seats ? Number(seats.seats) : null,
    today,
  );
}
