/** Writes the demo's support tickets through the support module, then trains its classifier on them. */
import { applyTicketBatch, trainTicketModel, workspaceLabeller } from '../modules/support/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoData } from './demo.ts';
import type { Random } from './random.ts';
import { demoSupport } from './support.ts';

export async function writeDemoSupport(
  db: Db,
  ctx: { workspaceId: string; data: DemoData; today: Date },
  rng: Random,
): Promise<{ tickets: number }> {
  const { tickets } = demoSupport(ctx.data.accounts, ctx.today, rng);
  const labeller = await workspaceLabeller(db, ctx.workspaceId);
  const stored = await applyTicketBatch(
    db,
    { workspaceId: ctx.workspaceId, labeller, now: ctx.today.toISOString() },
    tickets.map((record, i) => ({ row: i + 1, record })),
  );
  if (stored.errors.length) throw new Error(`the demo's tickets do not fit: ${JSON.stringify(stored.errors[0])}`);
  await trainTicketModel(db, ctx.workspaceId, ctx.today);
  return { tickets: stored.created };
}
