import type { PipelineInput } from '../stage-view.ts';

/** A problem with a pipeline file: where (`row 12: probability`, `results.0.stages.3.id`) and why. */
export interface DefinitionError {
  field: string;
  message: string;
}

/** What a pipeline-definition reader gives: the pipelines, stages left out on purpose, and problems. */
export interface PipelineRead {
  pipelines: PipelineInput[];
  /** Stages deleted in the CRM (Fivetran `_fivetran_deleted`), counted and left out. */
  skipped: number;
  notes: string[];
  errors: DefinitionError[];
}

/** One file as the importer received it (pipeline definitions are small: read whole). */
export interface PipelineFile {
  name: string;
  text: string;
}

/** Whole percent from a 0–1 share, as HubSpot and Fivetran store probabilities. */
export const percentOf = (share: number | null): number | null => (share === null ? null : Math.round(share * 100));
