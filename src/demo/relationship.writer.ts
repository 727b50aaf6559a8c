/** Writes the demo's survey answers and touches through the relationship module. */
import { applySurveyBatch, applyTouchBatch } from '../modules/relationship/index.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoData } from './demo.ts';
import type { Random } from './random.ts';
import { demoRelationship } from './relationship.ts';

export async function writeDemoRelationship(
  db: Db,
  ctx: { workspaceId: string; data: DemoData; today: Date },
  rng: Random,
): Promise<{ surveys: number; touches: number }> {
  const { surveys, touches } = demoRelationship(ctx.data.accounts, ctx.today, rng);
  const answered = await applySurveyBatch(
    db,
    { workspaceId: ctx.workspaceId, source: 'demo', now: ctx.today },
    surveys.map((record, i) => ({ row: i + 1, record })),
  );
  const touched = await applyTouchBatch(
    db,
    { workspaceId: ctx.workspaceId, now: ctx.today },
    touches.map((record, i) => ({ row: i + 1, record })),
  );
  const problems = [...answered.errors, ...touched.errors];
  if (problems.length) throw new Error(`the demo's relationship data does not fit: ${JSON.stringify(problems[0])}`);
  return { surveys: answered.created, touches: touched.created };
}
