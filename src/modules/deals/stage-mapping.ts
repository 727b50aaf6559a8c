import type { DealRecord, DealSource, StageCategory } from './deal.ts';

/** What a CRM stage means, per source and pipeline (`''` = any pipeline of that source). */
export interface StageMapping {
  source: DealSource;
  pipeline: string;
  stage: string;
  category: StageCategory;
  label: string | null;
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

const key = (source: string, pipeline: string, stage: string) => `${source}\u0000${pipeline.toLowerCase()}\u0000${stage.trim().toLowerCase()}`;

/** Looks stages up by source, pipeline (or any pipeline) and stage, ignoring case. */
export class StageMap {
  private readonly map = new Map<string, StageCategory>();

  constructor(mappings: StageMapping[]) {
    // Later entries do not override earlier ones: pass workspace mappings before the built-in ones.
    for (const m of mappings) {
      const k = key(m.source, m.pipeline, m.stage);
      if (!this.map.has(k)) this.map.set(k, m.category);
    }
  }

  /** The deal's category: the source's own word (Salesforce IsWon), then the mapping; undefined when unmapped. */
  categorize(r: Pick<DealRecord, 'source' | 'pipeline' | 'stage' | 'stageCategory'>): StageCategory | undefined {
    if (r.stageCategory) return r.stageCategory;
    return this.map.get(key(r.source, r.pipeline ?? '', r.stage)) ?? this.map.get(key(r.source, '', r.stage));
  }
}
