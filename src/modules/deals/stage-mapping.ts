import type { DealRecord, DealSource, StageCategory } from './deal.ts';

/** What a CRM stage means, per source and pipeline (`''` = any pipeline of that source). */
export interface StageMapping {
  source: DealSource;
  pipeline: string;
  stage: string;
  category: StageCategory;
  label: string | null;
  /** The pipeline's name when the CRM gives one: exports carry names where syncs carry ids. */
  pipelineLabel?: string | null;
  /** The chance (0–100) that a deal at this stage is won; null when not known. */
  probability?: number | null;
  /** The stage's place in its pipeline. */
  displayOrder?: number | null;
}

/** HubSpot's default pipeline and the plain words a mapped CSV uses; workspace mappings come first. */
export const BUILT_IN_STAGE_MAPPINGS: StageMapping[] = [
  { source: 'hubspot', pipeline: '', stage: 'closedwon', category: 'won', label: 'Closed won' },
  { source: 'hubspot', pipeline: '', stage: 'closedlost', category: 'lost', label: 'Closed lost' },
  { source: 'hubspot', pipeline: '', stage: 'closed won', category: 'won', label: 'Closed Won' },
  { source: 'hubspot', pipeline: '', stage: 'closed lost', category: 'lost', label: 'Closed Lost' },
  { source: 'csv', pipeline: '', stage: 'won', category: 'won', label: 'Won' },
  { source: 'csv', pipeline: '', stage: 'closed won', category: 'won', label: 'Closed Won' },
  { source: 'csv', pipeline: '', stage: 'lost', category: 'lost', label: 'Lost' },
  { source: 'csv', pipeline: '', stage: 'closed lost', category: 'lost', label: 'Closed Lost' },
];

const key = (source: string, pipeline: string, stage: string) =>
  `${source}\u0000${pipeline.trim().toLowerCase()}\u0000${stage.trim().toLowerCase()}`;

/** A pipeline's names: its id, and its label when it has one. */
const names = (id: string, label: string | null | undefined): string[] => (label?.trim() ? [id, label] : [id]);

/** Keys to mappings; the first mapping to claim a key keeps it. */
class Index {
  readonly #map = new Map<string, StageMapping>();
  get = (k: string) => this.#map.get(k);
  has = (k: string) => this.#map.has(k);
  claim(k: string, m: StageMapping): void {
    if (!this.#map.has(k)) this.#map.set(k, m);
  }
}

/**
 * Looks stages up by source, pipeline (or any pipeline) and stage, ignoring case. A stage matches by its id,
 * then by its label; a pipeline by its id or its name: a sync (ids) and an export (labels) find the same mapping.
 */
export class StageMap {
  private readonly byId = new Index();
  private readonly byLabel = new Index();
  /** By source and stage over every named pipeline; null where those pipelines disagree on the category. */
  private readonly anyPipeline = new Map<string, StageMapping | null>();
  /** The pipeline names each source has mappings for. */
  private readonly pipelines = new Map<string, Set<string>>();
  private readonly effective: StageMapping[] = [];
  /** Answers by the deal's own spelling: an import asks about the same few stages row after row. */
  private readonly found = new Map<string, StageMapping | null>();

  constructor(mappings: StageMapping[]) {
    // Earlier entries win: pass workspace mappings before the built-in ones. A mapping for a stage id its
    // pipeline already has is left out whole (a workspace mapping replaces a built-in one).
    for (const m of mappings) {
      if (this.byId.has(key(m.source, m.pipeline, m.stage))) continue;
      this.effective.push(m);
      const pipelineNames = names(m.pipeline, m.pipelineLabel);
      for (const p of pipelineNames) {
        this.byId.claim(key(m.source, p, m.stage), m);
        if (m.label) this.byLabel.claim(key(m.source, p, m.label), m);
      }
      if (m.pipeline === '') continue;
      for (const stage of m.label ? [m.stage, m.label] : [m.stage]) {
        const any = key(m.source, '', stage);
        const seen = this.anyPipeline.get(any);
        if (seen === undefined) this.anyPipeline.set(any, m);
        else if (seen !== null && seen.category !== m.category) this.anyPipeline.set(any, null);
      }
      const known = this.pipelines.get(m.source) ?? new Set<string>();
      for (const p of pipelineNames) known.add(p.trim().toLowerCase());
      this.pipelines.set(m.source, known);
    }
  }

  /** The mappings in force, in the order given, without those another one replaces. */
  entries(): readonly StageMapping[] {
    return this.effective;
  }

  /**
   * The mapping that decides a deal's stage: its pipeline's, then the source's any-pipeline one. A deal whose
   * pipeline has no mappings (none given, or a name the mappings do not know) finds its stage in whichever
   * pipeline defines it, as long as those pipelines agree on what it means.
   */
  find(r: Pick<DealRecord, 'source' | 'pipeline' | 'stage'>): StageMapping | undefined {
    const asked = `${r.source}\u0000${r.pipeline ?? ''}\u0000${r.stage}`;
    const known = this.found.get(asked);
    if (known !== undefined) return known ?? undefined;
    const answer = this.lookup(r);
    if (this.found.size >= 10_000) this.found.clear();
    this.found.set(asked, answer ?? null);
    return answer;
  }

  private lookup(r: Pick<DealRecord, 'source' | 'pipeline' | 'stage'>): StageMapping | undefined {
    const pipeline = r.pipeline?.trim() ?? '';
    const at = (p: string) => this.byId.get(key(r.source, p, r.stage)) ?? this.byLabel.get(key(r.source, p, r.stage));
    const found = (pipeline ? at(pipeline) : undefined) ?? at('');
    if (found) return found;
    if (pipeline && this.pipelines.get(r.source)?.has(pipeline.toLowerCase())) return undefined;
    return this.anyPipeline.get(key(r.source, '', r.stage)) ?? undefined;
  }

  /** The deal's category: the source's own word (Salesforce IsWon), then the mapping; undefined when unmapped. */
  categorize(r: Pick<DealRecord, 'source' | 'pipeline' | 'stage' | 'stageCategory'>): StageCategory | undefined {
    if (r.stageCategory) return r.stageCategory;
    return this.find(r)?.category;
  }
}
