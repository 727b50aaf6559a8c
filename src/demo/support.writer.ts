/**
 * Writes the demo's support tickets through the support module: those with a status history as an event log import
 * stores them (each change kept, the ticket read from its history), the others as a ticket export would; then trains
 * its classifier on them.
 */
import {
  applyEventLogBatch,
  applyTicketBatch,
  newEventLogState,
  trainTicketModel,
  workspaceLabeller,
} from '../modules/support/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoData } from './demo.ts';
import type { Random } from './random.ts';
import { demoSupport } from './support.ts';

export async function writeDemoSupport(
  db: Db,
  ctx: { workspaceId: string; data: DemoData; today: Date },
  rng: Random,
): Promise<{ tickets: number; statusChanges: number }> {
  const { tickets, histories } = demoSupport(ctx.data.accounts, ctx.today, rng);
  const labeller = await workspaceLabeller(db, ctx.workspaceId);
  const batch = { workspaceId: ctx.workspaceId, labeller, now: ctx.today.toISOString() };
  const stored = await applyTicketBatch(
    db,
    batch,
    tickets.filter((t) => !histories[t.externalId]).map((record, i) => ({ row: i + 1, record })),
  );
  if (stored.errors.length) throw new Error(`the demo's tickets do not fit: ${JSON.stringify(stored.errors[0])}`);
  // One row per status change, each carrying the ticket's fields at that time.
  const rows = tickets.flatMap((t) =>
    (histories[t.externalId] ?? []).map((change) => ({ ...t, status: change.status, updatedAt: change.at })),
  );
  const log = await applyEventLogBatch(
    db,
    batch,
    newEventLogState(true),
    rows.map((record, i) => ({ row: i + 1, record })),
  );
  if (log.errors.length) throw new Error(`the demo's ticket history does not fit: ${JSON.stringify(log.errors[0])}`);
  await trainTicketModel(db, ctx.workspaceId, ctx.today);
  return { tickets: stored.created + Object.keys(histories).length, statusChanges: log.created };
}
