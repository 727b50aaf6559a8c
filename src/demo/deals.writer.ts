/** Writes the demo's deals and briefs through the same services people use, so every rule applies. */
import type { Actor } from '../platform/auth/principal.ts';
import type { Db } from '../platform/db/database.ts';
import {
  DEFAULT_GUARD,
  applyDealBatch,
  dealIdsByExternalId,
  loadStageMap,
  setFinanceConfirmation,
  replacePipelineMapping,
} from '../modules/deals/index.ts';
import {
  acceptBrief,
  answerClarification,
  askClarification,
  listBriefs,
  returnBrief,
  submitBrief,
  updateBriefContent,
} from '../modules/handoffs/index.ts';
import type { DemoDeal } from './deals.ts';
import type { DemoStaff } from './demo.ts';

export interface DealWriteContext {
  workspaceId: string;
  staff: readonly DemoStaff[];
  userIdOf: (email: string | null) => string | null;
  ownersOf: (accountName: string) => { ae: string | null; deliveryLead: string | null };
  fallback: Actor;
}

export async function writeDemoDeals(
  db: Db,
  ctx: DealWriteContext,
  deals: readonly DemoDeal[],
): Promise<{ deals: number; briefs: number }> {
  const { workspaceId } = ctx;
  // The CRM's default pipeline with its stages' win probabilities, as `baton import pipelines` would load it.
  await replacePipelineMapping(db, ctx.fallback, workspaceId, {
    source: 'hubspot',
    pipeline: 'default',
    pipelineLabel: 'Sales Pipeline',
    stages: [
      { stage: 'appointmentscheduled', label: 'Appointment scheduled', category: 'open', probability: 20 },
      { stage: 'qualifiedtobuy', label: 'Qualified to buy', category: 'open', probability: 40 },
      { stage: 'presentationscheduled', label: 'Presentation scheduled', category: 'open', probability: 60 },
      { stage: 'decisionmakerboughtin', label: 'Decision maker bought-in', category: 'open', probability: 80 },
      { stage: 'contractsent', label: 'Contract sent', category: 'open', probability: 90 },
      { stage: 'closedwon', label: 'Closed won', category: 'won', probability: 100 },
      { stage: 'closedlost', label: 'Closed lost', category: 'lost', probability: 0 },
    ],
  });
  const stages = await loadStageMap(db, workspaceId);
  const batch = (list: readonly DemoDeal[]) => list.map((d, i) => ({ row: i + 1, record: d.record }));
  await applyDealBatch(db, { workspaceId, guard: DEFAULT_GUARD, stages, unmappedStages: new Set() }, batch(deals));
  const ids = await dealIdsByExternalId(
    db,
    workspaceId,
    'hubspot',
    deals.map((d) => d.record.externalId),
  );
  const actorOf = (email: string | null): Actor => {
    const id = ctx.userIdOf(email);
    const person = ctx.staff.find((s) => s.email === email);
    return id && person ? { type: 'user', id, label: person.name } : ctx.fallback;
  };
  const finance = ctx.staff.find((s) => s.position === 'leader');
  let briefs = 0;
  for (const d of deals) {
    const dealId = ids.get(d.record.externalId);
    if (!dealId || !d.financeConfirmed) continue;
    await setFinanceConfirmation(db, actorOf(finance?.email ?? null), workspaceId, dealId, true, DEFAULT_GUARD);
    const brief = (await listBriefs(db, workspaceId, { limit: 1, dealId })).items[0];
    if (!brief || !d.brief) continue;
    briefs += 1;
    const owners = ctx.ownersOf(d.accountName);
    const ae = actorOf(owners.ae);
    // Partner-delivered customers have no delivery lead of ours yet: the first delivery lead takes the handoff.
    const leadEmail = owners.deliveryLead ?? ctx.staff.find((s) => s.position === 'delivery_lead')?.email ?? null;
    const lead = actorOf(leadEmail);
    const story = d.brief.story;
    await updateBriefContent(db, ae, workspaceId, brief.id, { content: d.brief.content });
    if (story.startsWith('draft')) continue;
    await submitBrief(db, ae, workspaceId, brief.id);
    if (story === 'returned') {
      await returnBrief(db, lead, workspaceId, brief.id, d.brief.returnReasons);
      continue;
    }
    if (story.startsWith('accepted')) {
      await acceptBrief(db, lead, workspaceId, brief.id, { deliveryLeadUserId: ctx.userIdOf(leadEmail) ?? undefined });
      for (const c of d.brief.clarifications) {
        const asked = await askClarification(db, lead, workspaceId, brief.id, { field: c.field, question: c.question });
        if (c.answer) await answerClarification(db, ae, workspaceId, brief.id, asked.id, c.answer);
      }
    }
  }
  // The CRM takes one won deal back after the brief went to delivery.
  const reopened = deals.filter((d) => d.reopens);
  if (reopened.length > 0) {
    await applyDealBatch(
      db,
      { workspaceId, guard: DEFAULT_GUARD, stages, unmappedStages: new Set() },
      reopened.map((d, i) => ({ row: i + 1, record: { ...d.record, stage: 'contractsent' } })),
    );
  }
  return { deals: deals.length, briefs };
}
