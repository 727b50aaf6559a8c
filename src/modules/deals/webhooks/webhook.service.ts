import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import type { Deal, DealRecord, DealSource, StageCategory } from '../deal.ts';
import { applyDealBatch, type DealBatchContext, loadStageMap, toDeal } from '../deal.service.ts';
import { guardSetting } from '../deal.settings.ts';
import * as deals from '../deal.store.ts';
import {
  DELETED_STAGE,
  type DeliveryCounts,
  HUBSPOT,
  inOccurrenceOrder,
  UNKNOWN_STAGE,
  type WebhookEvent,
} from './webhook.ts';
import * as store from './webhook.store.ts';
import type { WebhookEventTable } from './webhook.table.ts';

/** The deal as an import row would carry it, read back from its stored row (for a change of one property). */
function rowToRecord(row: deals.DealRow): DealRecord {
  return {
    source: row.source as DealSource,
    externalId: row.external_id,
    name: row.name,
    accountName: row.account_name,
    accountExternalId: row.account_external_id,
    stage: row.stage,
    // A category the CRM stated stays; one a stage mapping gave is left to the mappings again.
    stageCategory: row.stage_category_stated ? (row.stage_category as StageCategory) : null,
    pipeline: row.pipeline,
    amount: row.amount,
    currency: row.currency,
    closeDate: row.close_date,
    signedDate: row.signed_date,
    createdDate: row.created_date,
    owner: row.owner,
    products: JSON.parse(row.products) as string[],
    partner: row.partner_name,
  };
}

/** A deal Baton hears of before it knows its name or stage (HubSpot's creation event carries neither). */
function placeholder(source: string, externalId: string): DealRecord {
  return {
    source: source as DealSource,
    externalId,
    name: `${source === HUBSPOT ? 'HubSpot' : source} deal ${externalId} (name not received yet)`,
    accountName: null,
    accountExternalId: null,
    stage: UNKNOWN_STAGE,
    stageCategory: null,
    pipeline: null,
    amount: null,
    currency: null,
    closeDate: null,
    signedDate: null,
    createdDate: null,
    owner: null,
    products: [],
    partner: null,
  };
}

interface EventResult {
  outcome: 'applied' | 'ignored';
  detail: string;
  dealId: string | null;
}

const ignored = (detail: string): EventResult => ({ outcome: 'ignored', detail, dealId: null });

interface Delivery {
  workspaceId: string;
  source: string;
  actor: Actor;
  batch: DealBatchContext;
}

/** Upserts one deal record through the deal module (closed-won guard included) and audits a change. */
async function applyRecord(
  db: Db,
  d: Delivery,
  record: DealRecord,
  before: deals.DealRow | undefined,
  what: string,
): Promise<EventResult> {
  const outcome = await applyDealBatch(db, d.batch, [{ row: 1, record }]);
  const [row] = await deals.selectDealsByExternalIds(db, d.workspaceId, record.source, [record.externalId]);
  if (!row) return ignored(`the deal could not be stored: ${outcome.errors.map((e) => e.reason).join('; ')}`);
  const after: Deal = toDeal(row, d.batch.guard);
  if (outcome.unchanged) return { outcome: 'applied', detail: `${what}: no change`, dealId: row.id };
  await recordAudit(db, {
    workspaceId: d.workspaceId,
    actor: d.actor,
    action: before ? 'deal.webhook_update' : 'deal.webhook_create',
    entityType: 'deal',
    entityId: row.id,
    before: before ? toDeal(before, d.batch.guard) : undefined,
    after,
  });
  const journey =
    before && before.journey_state !== after.journeyState
      ? `${before.journey_state} → ${after.journeyState}`
      : after.journeyState;
  return {
    outcome: 'applied',
    detail: `${what} (${before ? 'updated' : 'created'}; journey: ${journey})`,
    dealId: row.id,
  };
}

async function applyEvent(db: Db, d: Delivery, e: WebhookEvent): Promise<EventResult> {
  const cmd = e.command;
  if (cmd.kind === 'ignore') return ignored(cmd.reason);
  const externalId = cmd.kind === 'upsert' ? cmd.record.externalId : cmd.externalId;
  const newer = await store.findNewerApplied(db, d.workspaceId, d.source, externalId, e.property, e.occurredAt);
  if (newer) return ignored(`out of order: a newer change (${newer.occurred_at}) was already applied`);
  const [existing] = await deals.selectDealsByExternalIds(db, d.workspaceId, d.source, [externalId]);
  switch (cmd.kind) {
    case 'create':
      if (existing) return { outcome: 'ignored', detail: 'the deal is already known to Baton', dealId: existing.id };
      return applyRecord(db, d, placeholder(d.source, externalId), undefined, 'created');
    case 'patch': {
      const base = existing ? rowToRecord(existing) : placeholder(d.source, externalId);
      const shown = Object.entries(cmd.patch).find(([k]) => k !== 'stageCategory')?.[1];
      return applyRecord(db, d, { ...base, ...cmd.patch }, existing, `${cmd.property} → ${shown ?? 'empty'}`);
    }
    case 'delete':
      if (!existing) return ignored('deleted in the CRM, and not known to Baton');
      return applyRecord(
        db,
        d,
        { ...rowToRecord(existing), stage: DELETED_STAGE, stageCategory: 'lost' },
        existing,
        'deleted in the CRM: marked lost',
      );
    case 'upsert':
      return applyRecord(db, d, cmd.record, existing, 'deal');
  }
}

/**
 * Applies a delivery's events in the order they happened, inside the caller's transaction: an event seen
 * before is a duplicate (counted, not applied again); an older change than one already applied is ignored;
 * each deal change passes the closed-won guard and is audited. Records the delivery and every event taken in.
 */
export async function applyDelivery(
  db: Db,
  input: { workspaceId: string; source: string; requestId: string; events: WebhookEvent[] },
): Promise<DeliveryCounts & { deliveryId: string }> {
  const { workspaceId, source } = input;
  const deliveryId = newId();
  const now = nowIso();
  const counts: DeliveryCounts = { received: input.events.length, applied: 0, duplicates: 0, ignored: 0 };
  const known = await store.selectKnownEventIds(db, workspaceId, source, [...new Set(input.events.map((e) => e.key))]);
  const d: Delivery = {
    workspaceId,
    source,
    actor: { type: 'system', id: null, label: `${source} webhook`, requestId: input.requestId },
    batch: {
      workspaceId,
      guard: await readSetting(db, workspaceId, guardSetting),
      stages: await loadStageMap(db, workspaceId),
      unmappedStages: new Set(),
    },
  };
  for (const e of inOccurrenceOrder(input.events)) {
    if (known.has(e.key)) {
      counts.duplicates += 1;
      continue;
    }
    known.add(e.key);
    const result = await applyEvent(db, d, e);
    counts[result.outcome] += 1;
    const row: WebhookEventTable = {
      workspace_id: workspaceId,
      source,
      event_id: e.key,
      received_at: now,
      outcome: result.outcome,
      detail: result.detail,
      delivery_id: deliveryId,
      event_type: e.type,
      object_id: e.objectId,
      property: e.property,
      occurred_at: e.occurredAt,
      deal_id: result.dealId,
    };
    // Written at once, so a later event of the same delivery sees it (duplicates, order).
    await store.insertEvents(db, [row]);
  }
  await store.insertDelivery(db, {
    id: deliveryId,
    workspace_id: workspaceId,
    source,
    received_at: now,
    request_id: input.requestId,
    status: 'accepted',
    ...counts,
    detail: null,
  });
  return { ...counts, deliveryId };
}

/** Records a signed delivery refused as malformed (nothing of it was applied), so the admin sees why. */
export async function recordRejectedDelivery(
  db: Db,
  input: { workspaceId: string; source: string; requestId: string; received: number; detail: string },
): Promise<void> {
  await store.insertDelivery(db, {
    id: newId(),
    workspace_id: input.workspaceId,
    source: input.source,
    received_at: nowIso(),
    request_id: input.requestId,
    status: 'rejected',
    received: input.received,
    applied: 0,
    duplicates: 0,
    ignored: 0,
    detail: input.detail.slice(0, 2000),
  });
}
