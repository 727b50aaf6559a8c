import { hash as digest } from 'node:crypto';
import { accountNamesOf, accountNameIndex } from '../accounts/index.ts';
import type { DialectCapabilities } from '../../platform/db/capabilities.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { newId, nowIso } from '../../platform/ids.ts';
import type { BatchOutcome } from '../../platform/imports/import-run.ts';
import {
  type Deal,
  type DealRecord,
  type GuardRequirements,
  guard,
  type JourneyState,
  type StageCategory,
} from './deal.ts';
import { resolveDealAccounts } from './deal-accounts.service.ts';
import { announceJourneyMoves, isJourneyEvent, type JourneyMove, journeyMoveOf } from './deal-journey.service.ts';
import * as store from './deal.store.ts';
import { termsColumns, termsOfRow } from './terms/terms.store.ts';
import type { DealTable } from './deal.table.ts';
import { BUILT_IN_STAGE_MAPPINGS, StageMap, type StageMapping } from './stage-mapping.ts';

export function toDeal(r: store.DealRow, req: GuardRequirements): Deal {
  const g = guard(
    {
      stageCategory: r.stage_category as StageCategory,
      signedDate: r.signed_date,
      financeConfirmedAt: r.finance_confirmed_at,
      previous: null,
    },
    req,
  );
  return {
    id: r.id,
    source: r.source,
    externalId: r.external_id,
    name: r.name,
    accountId: r.account_id,
    accountName: r.account_name,
    stage: r.stage,
    stageCategory: r.stage_category as StageCategory,
    pipeline: r.pipeline,
    amount: r.amount,
    currency: r.currency,
    closeDate: r.close_date,
    signedDate: r.signed_date,
    createdDate: r.created_date,
    owner: r.owner,
    products: JSON.parse(r.products) as string[],
    partnerName: r.partner_name,
    financeConfirmedAt: r.finance_confirmed_at,
    journeyState: r.journey_state as JourneyState,
    missing: r.stage_category === 'won' ? g.missing : [],
    confirmedAt: r.confirmed_at,
    reopenedAt: r.reopened_at,
    terms: termsOfRow(r),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The workspace's stage mappings, then the built-in ones. */
export async function loadStageMap(db: Db, workspaceId: string): Promise<StageMap> {
  const own = (await store.selectStageMappings(db, workspaceId)).map((r): StageMapping => ({
    source: r.source as StageMapping['source'],
    pipeline: r.pipeline,
    stage: r.stage,
    category: r.category as StageCategory,
    label: r.label,
    pipelineLabel: r.pipeline_label,
    probability: r.probability,
    displayOrder: r.display_order,
  }));
  return new StageMap([...own, ...BUILT_IN_STAGE_MAPPINGS]);
}

/** Everything the source said, contract terms included (`terms` is absent when it carries none). */
/** What the CRM sent for a deal. The category is compared apart: a stage mapping may change it between imports. */
const contentHash = (r: DealRecord): string => digest('sha256', JSON.stringify(r), 'base64url');

export interface DealBatchContext {
  workspaceId: string;
  guard: GuardRequirements;
  stages: StageMap;
  /** Stages seen without a mapping: counted as open, and reported. */
  unmappedStages: Set<string>;
  /** Account ids by lower-cased name, loaded once per import on first use. */
  accounts?: Map<string, string>;
}

/**
 * Creates or updates the deals of one import batch, keyed by source + external id: an unchanged row
 * changes nothing, a changed one updates its deal and passes the closed-won guard again.
 */
export async function applyDealBatch(
  db: Db,
  ctx: DealBatchContext,
  batch: Array<{ row: number; record: DealRecord }>,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, errors: [] };
  const bySource = new Map<string, Map<string, store.DealRow>>();
  for (const source of new Set(batch.map((b) => b.record.source))) {
    const ids = batch.filter((b) => b.record.source === source).map((b) => b.record.externalId);
    const rows = await store.selectDealsByExternalIds(db, ctx.workspaceId, source, ids);
    bySource.set(source, new Map(rows.map((r) => [r.external_id, r])));
  }
  ctx.accounts ??= await accountNameIndex(db, ctx.workspaceId);
  const accountOf = await resolveDealAccounts(
    db,
    ctx.workspaceId,
    batch.map((b) => b.record),
    ctx.accounts,
  );
  const now = nowIso();
  const inserts: DealTable[] = [];
  const moves: JourneyMove[] = [];
  const seen = new Set<string>();
  for (const [index, { row, record }] of batch.entries()) {
    const id = `${record.source}\u0000${record.externalId}`;
    if (seen.has(id)) {
      outcome.errors.push({
        row,
        field: 'external_id',
        reason: `${record.externalId} appears twice in the same file; the first row was kept`,
      });
      continue;
    }
    seen.add(id);
    let category = ctx.stages.categorize(record);
    if (!category) {
      ctx.unmappedStages.add(`${record.source}: ${record.stage}`);
      category = 'open';
    }
    const hash = contentHash(record);
    const existing = bySource.get(record.source)?.get(record.externalId);
    if (existing && existing.content_hash === hash && existing.stage_category === category) {
      outcome.unchanged += 1;
      continue;
    }
    const g = guard(
      {
        stageCategory: category,
        signedDate: record.signedDate,
        financeConfirmedAt: existing?.finance_confirmed_at ?? null,
        previous: (existing?.journey_state as JourneyState) ?? null,
      },
      ctx.guard,
    );
    const fields = {
      name: record.name,
      account_id: existing?.account_id ?? accountOf[index] ?? null,
      account_name: record.accountName,
      account_external_id: record.accountExternalId,
      stage: record.stage,
      stage_category: category,
      pipeline: record.pipeline,
      amount: record.amount,
      currency: record.currency,
      close_date: record.closeDate,
      signed_date: record.signedDate,
      created_date: record.createdDate,
      owner: record.owner,
      products: JSON.stringify(record.products),
      partner_name: record.partner,
      ...termsColumns(record.terms, existing),
      probability: record.probability ?? existing?.probability ?? null,
      journey_state: g.state,
      confirmed_at: g.state === 'confirmed' ? (existing?.confirmed_at ?? now) : (existing?.confirmed_at ?? null),
      reopened_at:
        g.state === 'reopened' && existing?.journey_state !== 'reopened' ? now : (existing?.reopened_at ?? null),
      content_hash: hash,
      updated_at: now,
      stage_category_stated: record.stageCategory ? 1 : 0,
    };
    const dealId = existing?.id ?? newId();
    if (isJourneyEvent(existing?.journey_state ?? null, g.state)) {
      moves.push(journeyMoveOf(dealId, existing?.journey_state ?? null, fields));
    }
    if (existing) {
      await store.updateDealRow(db, ctx.workspaceId, existing.id, fields);
      outcome.updated += 1;
    } else {
      // Completed in place: spreading 30-odd columns into a new object costs more than everything else per row.
      inserts.push(
        Object.assign(fields, {
          id: dealId,
          workspace_id: ctx.workspaceId,
          source: record.source,
          external_id: record.externalId,
          finance_confirmed_at: null,
          created_at: now,
        }),
      );
      outcome.created += 1;
    }
  }
  await store.insertDeals(db, inserts);
  await announceJourneyMoves(db, ctx.workspaceId, moves);
  return outcome;
}

const isKey = (v: unknown): v is { updatedAt: string; id: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { id?: unknown }).id === 'string' &&
  typeof (v as { updatedAt?: unknown }).updatedAt === 'string';

export async function listDeals(
  db: Db,
  caps: DialectCapabilities,
  workspaceId: string,
  req: GuardRequirements,
  opts: { limit: number; cursor?: string; states?: JourneyState[]; q?: string; accountId?: string },
): Promise<{ items: Deal[]; nextCursor: string | null; counts: Record<string, number> }> {
  const before = decodeCursor(opts.cursor, isKey);
  const rows = await store.selectDeals(db, caps, workspaceId, { ...opts, before, limit: opts.limit + 1 });
  const items = await withAccountNames(
    db,
    workspaceId,
    rows.slice(0, opts.limit).map((r) => toDeal(r, req)),
  );
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > opts.limit && last ? encodeCursor({ updatedAt: last.updatedAt, id: last.id }) : null,
    counts: await store.countDealsByState(db, workspaceId),
  };
}

export async function getDeal(db: Db, workspaceId: string, id: string, req: GuardRequirements): Promise<Deal> {
  const row = await store.findDeal(db, workspaceId, id);
  if (!row) throw AppError.notFound('deal');
  return (await withAccountNames(db, workspaceId, [toDeal(row, req)]))[0]!;
}

/**
 * Deals linked to an account show its name as Baton knows it: a CRM that names the customer by id only (a
 * Salesforce Opportunity's AccountId) sends no name, and a renamed account shows its new one.
 */
async function withAccountNames(db: Db, workspaceId: string, deals: Deal[]): Promise<Deal[]> {
  const names = await accountNamesOf(db, workspaceId, [...new Set(deals.flatMap((d) => d.accountId ?? []))]);
  return deals.map((d) => (d.accountId && names.has(d.accountId) ? { ...d, accountName: names.get(d.accountId)! } : d));
}

/** What a deal shows where it is listed beside something else (a handoff brief). */
export type DealFacts = Pick<Deal, 'name' | 'amount' | 'currency' | 'signedDate' | 'accountName' | 'products'>;

/** The facts of these deals by id; ids the workspace does not have are left out. */
export async function dealFactsOf(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, DealFacts>> {
  const rows = await store.selectDealFacts(db, workspaceId, ids);
  return new Map(
    rows.map((d) => [
      d.id,
      {
        name: d.name,
        amount: d.amount,
        currency: d.currency,
        signedDate: d.signed_date,
        accountName: d.account_name,
        products: JSON.parse(d.products) as string[],
      },
    ]),
  );
}

/** Deal ids by the CRM's external id, for one source; ids the workspace does not know are left out. */
export async function dealIdsByExternalId(
  db: Db,
  workspaceId: string,
  source: string,
  externalIds: string[],
): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await store.selectDealsByExternalIds(db, workspaceId, source, externalIds);
  return new Map(rows.map((r) => [r.external_id, r.id]));
}

/** A deal as re-evaluation reads it: what the guard needs and what a journey transition tells. */
export type RecategorizedDeal = Pick<
  store.DealRow,
  | 'id'
  | 'name'
  | 'account_id'
  | 'stage'
  | 'amount'
  | 'currency'
  | 'partner_name'
  | 'journey_state'
  | 'signed_date'
  | 'finance_confirmed_at'
>;

/**
 * Deals whose stage now means something else (its stage mapping changed): each takes the new category and
 * passes the closed-won guard again, as an import would move it. Answers how many changed journey state.
 */
export async function recategorizeDeals(
  db: Db,
  workspaceId: string,
  deals: RecategorizedDeal[],
  category: StageCategory,
  req: GuardRequirements,
): Promise<number> {
  const now = nowIso();
  const byMove = new Map<string, { from: string; to: JourneyState; ids: string[] }>();
  const moves: JourneyMove[] = [];
  for (const d of deals) {
    const g = guard(
      {
        stageCategory: category,
        signedDate: d.signed_date,
        financeConfirmedAt: d.finance_confirmed_at,
        previous: d.journey_state as JourneyState,
      },
      req,
    );
    const move = `${d.journey_state}\u0000${g.state}`;
    const entry = byMove.get(move) ?? { from: d.journey_state, to: g.state, ids: [] };
    entry.ids.push(d.id);
    byMove.set(move, entry);
    if (isJourneyEvent(d.journey_state, g.state))
      moves.push(journeyMoveOf(d.id, d.journey_state, { ...d, journey_state: g.state }));
  }
  let changed = 0;
  for (const { from, to, ids } of byMove.values()) {
    const patch = {
      category,
      state: to,
      confirmedAt: to === 'confirmed' ? now : null,
      reopenedAt: to === 'reopened' && from !== 'reopened' ? now : null,
      updatedAt: now,
    };
    for (let i = 0; i < ids.length; i += 500)
      await store.updateDealsCategory(db, workspaceId, ids.slice(i, i + 500), patch);
    if (from !== to) changed += ids.length;
  }
  await announceJourneyMoves(db, workspaceId, moves);
  return changed;
}
