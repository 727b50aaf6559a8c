import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { readSetting } from '../../../platform/settings/settings.service.ts';
import type { DealSource, StageCategory } from '../deal.ts';
import { loadStageMap, recategorizeDeals } from '../deal.service.ts';
import { guardSetting } from '../deal.settings.ts';
import type { DealStageMappingTable } from '../deal.table.ts';
import { BUILT_IN_STAGE_MAPPINGS, type StageMapping } from '../stage-mapping.ts';
import * as store from './stage.store.ts';
import {
  buildStageMappingsView,
  type DealStageGroup,
  type PipelineInput,
  type PipelineView,
  pipelineProblems,
  type StageMappingsView,
  toMappings,
} from './stage-view.ts';

const toMapping = (r: store.StageMappingRow): StageMapping => ({
  source: r.source as DealSource,
  pipeline: r.pipeline,
  pipelineLabel: r.pipeline_label,
  stage: r.stage,
  label: r.label,
  category: r.category as StageCategory,
  probability: r.probability,
  displayOrder: r.display_order,
});

const toRow = (workspaceId: string, m: StageMapping): DealStageMappingTable => ({
  workspace_id: workspaceId,
  source: m.source,
  pipeline: m.pipeline,
  stage: m.stage,
  category: m.category,
  label: m.label,
  pipeline_label: m.pipelineLabel ?? null,
  probability: m.probability ?? null,
  display_order: m.displayOrder ?? null,
});

/** A pipeline's mapping as the audit log keeps it. */
const auditShape = (mappings: StageMapping[]) => ({
  pipelineLabel: mappings[0]?.pipelineLabel ?? null,
  stages: mappings.map((m) => ({
    stage: m.stage,
    label: m.label,
    category: m.category,
    probability: m.probability ?? null,
  })),
});

const groupsOf = (rows: Awaited<ReturnType<typeof store.countDealsByStage>>): DealStageGroup[] =>
  rows.map((r) => ({
    source: r.source,
    pipeline: r.pipeline,
    stage: r.stage,
    category: r.stage_category as StageCategory,
    stated: r.stage_category_stated === 1,
    deals: r.n,
  }));

/** Every stage mapping in force, per source and pipeline, with deal counts, and the stages nothing maps. */
export async function listStageMappings(db: Db, workspaceId: string): Promise<StageMappingsView> {
  const own = (await store.selectMappings(db, workspaceId)).map(toMapping);
  return buildStageMappingsView(own, BUILT_IN_STAGE_MAPPINGS, groupsOf(await store.countDealsByStage(db, workspaceId)));
}

export interface Reevaluation {
  /** Deals whose stage category changed. */
  dealsRecategorized: number;
  /** Of those, deals whose journey state changed (a won deal reopened, an open one now waiting for confirmation …). */
  dealsChangedState: number;
}

/**
 * Passes the deals of these sources whose category a mapping decides through the current mappings again:
 * a deal whose stage now means something else takes the new category and goes through the closed-won guard.
 * Counts first (one GROUP BY), then reads only the deals of groups that change.
 */
export async function reevaluateDeals(db: Db, workspaceId: string, sources: DealSource[]): Promise<Reevaluation> {
  const map = await loadStageMap(db, workspaceId);
  const req = await readSetting(db, workspaceId, guardSetting);
  const result: Reevaluation = { dealsRecategorized: 0, dealsChangedState: 0 };
  for (const g of await store.countDealsByStage(db, workspaceId, sources)) {
    if (g.stage_category_stated === 1) continue;
    const category =
      map.categorize({ source: g.source as DealSource, pipeline: g.pipeline, stage: g.stage, stageCategory: null }) ??
      'open';
    if (category === g.stage_category) continue;
    const deals = await store.selectMappedDealsInGroup(db, workspaceId, {
      source: g.source,
      pipeline: g.pipeline,
      stage: g.stage,
      category: g.stage_category,
    });
    result.dealsRecategorized += deals.length;
    result.dealsChangedState += await recategorizeDeals(db, workspaceId, deals, category, req);
  }
  return result;
}

/** Refuses a pipeline whose stages repeat a stage or a label, naming each place (`<prefix>stages.3.stage`). */
function assertValid(input: PipelineInput, prefix: string): void {
  const problems = pipelineProblems(input.stages);
  if (problems.length === 0) return;
  const fieldErrors = problems.map((p) => ({ field: `${prefix}stages.${p.path[0]}.${p.path[1]}`, message: p.message }));
  throw new AppError('validation', fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; '), { fieldErrors });
}

/** Replaces one pipeline's workspace mapping (no re-evaluation) and records it; answers the new mappings. */
async function writePipeline(
  db: Db,
  workspaceId: string,
  input: PipelineInput,
): Promise<{ before: StageMapping[]; after: StageMapping[] }> {
  const pipeline = input.pipeline.trim();
  const before = (await store.selectPipelineMappings(db, workspaceId, input.source, pipeline)).map(toMapping);
  const after = toMappings(input);
  await store.deletePipelineMappings(db, workspaceId, input.source, pipeline);
  await store.insertMappings(
    db,
    after.map((m) => toRow(workspaceId, m)),
  );
  return { before, after };
}

const entityId = (source: string, pipeline: string) => `${source}:${pipeline.trim()}`;

export interface PipelineReplaced extends Reevaluation {
  /** The pipeline as it now stands (workspace and remaining built-in stages), or null when nothing maps it. */
  pipeline: PipelineView | null;
}

/** Records one pipeline's replaced mapping in the audit log, with the deals it moved when known. */
async function recordPipeline(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: PipelineInput,
  written: Awaited<ReturnType<typeof writePipeline>>,
  moved?: Reevaluation,
): Promise<void> {
  await recordAudit(db, {
    workspaceId,
    actor,
    action: 'deal.stage_mapping.replace',
    entityType: 'deal_stage_mapping',
    entityId: entityId(input.source, input.pipeline),
    before: auditShape(written.before),
    after: { ...auditShape(written.after), ...moved },
  });
}

/**
 * Replaces one pipeline's stage mapping (`stages: []` removes the workspace's own, leaving any built-in one),
 * re-evaluates the deals it decides and records the change with how many deals moved. Run it in a transaction.
 */
export async function replacePipelineMapping(
  db: Db,
  actor: Actor,
  workspaceId: string,
  input: PipelineInput,
): Promise<PipelineReplaced> {
  assertValid(input, 'body.');
  const written = await writePipeline(db, workspaceId, input);
  const moved = await reevaluateDeals(db, workspaceId, [input.source]);
  await recordPipeline(db, actor, workspaceId, input, written, moved);
  const view = await listStageMappings(db, workspaceId);
  const pipeline =
    view.pipelines.find((p) => p.source === input.source && p.pipeline === input.pipeline.trim()) ?? null;
  return { pipeline, ...moved };
}

/**
 * Loads several pipelines at once (a CRM's pipeline definitions): each replaces that pipeline's mapping and
 * is recorded, then the deals are re-evaluated once. Every pipeline is checked before anything is written; the
 * import that loads them records the whole (`deal.stage_mapping.import`, with its run).
 */
export async function replacePipelines(
  db: Db,
  actor: Actor,
  workspaceId: string,
  inputs: PipelineInput[],
): Promise<Reevaluation> {
  inputs.forEach((input, i) => assertValid(input, `pipelines.${i}.`));
  for (const input of inputs)
    await recordPipeline(db, actor, workspaceId, input, await writePipeline(db, workspaceId, input));
  return reevaluateDeals(db, workspaceId, [...new Set(inputs.map((p) => p.source))]);
}
