/**
 * Stage mappings as people see and change them: per source and pipeline, what each stage means (won, lost,
 * open), its win probability, where the mapping comes from and how many deals sit at it; and the stages deals
 * carry that nothing maps. Pure: plain data in, plain data out (the web app imports these types).
 */
import type { DealSource, StageCategory } from '../deal.ts';
import { StageMap, type StageMapping } from '../stage-mapping.ts';

export type StageOrigin = 'built_in' | 'workspace';

export interface StageView {
  stage: string;
  label: string | null;
  category: StageCategory;
  /** 0–100; null when not known. */
  probability: number | null;
  origin: StageOrigin;
  /** Deals whose stage this mapping decides (or would, for deals whose CRM stated won/lost itself). */
  deals: number;
}

export interface PipelineView {
  source: DealSource;
  /** The pipeline's id as deals carry it; `''` = any pipeline of the source. */
  pipeline: string;
  pipelineLabel: string | null;
  stages: StageView[];
}

/** A stage deals carry that no mapping explains: those deals are taken as still open. */
export interface UnmappedStage {
  source: string;
  pipeline: string | null;
  stage: string;
  deals: number;
}

/** A stage whose deals' category the CRM stated itself (Salesforce IsWon/IsClosed), with no mapping. */
export interface SourceStatedStage extends UnmappedStage {
  category: StageCategory;
}

export interface StageMappingsView {
  pipelines: PipelineView[];
  unmapped: UnmappedStage[];
  fromSource: SourceStatedStage[];
}

/** Deals counted by where they stand: what the store's GROUP BY gives. */
export interface DealStageGroup {
  source: string;
  pipeline: string | null;
  stage: string;
  category: StageCategory;
  /** The CRM stated the category on the deal itself; no mapping changes it. */
  stated: boolean;
  deals: number;
}

/** One stage of a pipeline as a change or an import gives it. */
export interface StageInput {
  stage: string;
  label?: string | null;
  category: StageCategory;
  probability?: number | null;
}

export interface PipelineInput {
  source: DealSource;
  pipeline: string;
  pipelineLabel?: string | null;
  stages: StageInput[];
}

/** Won is certain and lost is nothing: the probability a stage gets when none is given. */
export const defaultProbability = (category: StageCategory): number | null =>
  category === 'won' ? 100 : category === 'lost' ? 0 : null;

/** A pipeline's stages as stored mappings, in the order given, with default probabilities. */
export function toMappings(input: PipelineInput): StageMapping[] {
  const pipelineLabel = input.pipelineLabel?.trim() || null;
  return input.stages.map((s, i) => ({
    source: input.source,
    pipeline: input.pipeline.trim(),
    pipelineLabel,
    stage: s.stage.trim(),
    label: s.label?.trim() || null,
    category: s.category,
    probability: s.probability ?? defaultProbability(s.category),
    displayOrder: i,
  }));
}

/**
 * Problems with one pipeline's stages, each naming its place (`stages.3.stage`): a stage given twice, or two
 * stages with the same label (a deal carrying that label could not tell them apart). Case and surrounding
 * spaces are ignored.
 */
export function pipelineProblems(
  stages: readonly StageInput[],
): Array<{ path: [number, 'stage' | 'label']; message: string }> {
  const problems: Array<{ path: [number, 'stage' | 'label']; message: string }> = [];
  const ids = new Map<string, number>();
  const labels = new Map<string, number>();
  stages.forEach((s, i) => {
    const id = s.stage.trim().toLowerCase();
    const first = ids.get(id);
    if (first !== undefined)
      problems.push({ path: [i, 'stage'], message: `stage "${s.stage.trim()}" is already given at stages.${first}` });
    else ids.set(id, i);
    const label = s.label?.trim().toLowerCase();
    if (!label) return;
    const sameLabel = labels.get(label);
    if (sameLabel !== undefined)
      problems.push({
        path: [i, 'label'],
        message: `label "${s.label?.trim()}" is already used by stages.${sameLabel}`,
      });
    else labels.set(label, i);
  });
  return problems;
}

const pipelineOrder = (a: PipelineView, b: PipelineView) =>
  a.source.localeCompare(b.source) ||
  (a.pipeline === ''
    ? -1
    : b.pipeline === ''
      ? 1
      : (a.pipelineLabel ?? a.pipeline).localeCompare(b.pipelineLabel ?? b.pipeline));

/** Merges groups that differ only in case or surrounding spaces, keeping the first spelling. */
function merged<T extends UnmappedStage>(items: T[], extra: (t: T) => string = () => ''): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = [
      item.source,
      item.pipeline?.trim().toLowerCase() ?? '',
      item.stage.trim().toLowerCase(),
      extra(item),
    ].join('\u0000');
    const seen = byKey.get(k);
    if (seen) seen.deals += item.deals;
    else byKey.set(k, { ...item });
  }
  return [...byKey.values()].sort((a, b) => b.deals - a.deals || a.stage.localeCompare(b.stage));
}

/**
 * The page's view: every mapping in force (workspace ones first, then the built-in ones they leave standing),
 * grouped by source and pipeline with the deals each decides, and the stages deals carry that nothing maps.
 */
export function buildStageMappingsView(
  own: StageMapping[],
  builtIn: readonly StageMapping[],
  groups: readonly DealStageGroup[],
): StageMappingsView {
  const map = new StageMap([...own, ...builtIn]);
  const ownSet = new Set(own);
  const counts = new Map<StageMapping, number>();
  const unmapped: UnmappedStage[] = [];
  const fromSource: SourceStatedStage[] = [];
  for (const g of groups) {
    const entry = map.find({ source: g.source as DealSource, pipeline: g.pipeline, stage: g.stage });
    if (entry) counts.set(entry, (counts.get(entry) ?? 0) + g.deals);
    else if (g.stated)
      fromSource.push({ source: g.source, pipeline: g.pipeline, stage: g.stage, category: g.category, deals: g.deals });
    else unmapped.push({ source: g.source, pipeline: g.pipeline, stage: g.stage, deals: g.deals });
  }
  const pipelines = new Map<string, PipelineView>();
  for (const m of map.entries()) {
    const k = `${m.source}\u0000${m.pipeline}`;
    let view = pipelines.get(k);
    if (!view) {
      view = { source: m.source, pipeline: m.pipeline, pipelineLabel: null, stages: [] };
      pipelines.set(k, view);
    }
    view.pipelineLabel ??= m.pipelineLabel ?? null;
    view.stages.push({
      stage: m.stage,
      label: m.label,
      category: m.category,
      probability: m.probability ?? defaultProbability(m.category),
      origin: ownSet.has(m) ? 'workspace' : 'built_in',
      deals: counts.get(m) ?? 0,
    });
  }
  return {
    pipelines: [...pipelines.values()].sort(pipelineOrder),
    unmapped: merged(unmapped),
    fromSource: merged(fromSource, (s) => s.category),
  };
}
