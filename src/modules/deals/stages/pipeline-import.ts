/**
 * Loading a CRM's pipeline definitions (which stages exist, what each means, its probability) from files:
 * HubSpot's pipelines API answer, Fivetran's HubSpot `deal_pipeline_stage` (+ `deal_pipeline`) tables, or a
 * Salesforce `OpportunityStage` export. Each pipeline in the files replaces that pipeline's stage mapping.
 */
import type { Actor } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { readFivetranHubspotPipelines } from './readers/fivetran-hubspot.reader.ts';
import { readHubspotApiPipelines } from './readers/hubspot-api.reader.ts';
import type { PipelineFile, PipelineRead } from './readers/pipeline-read.ts';
import { readSalesforceStages } from './readers/salesforce-stages.reader.ts';
import { type Reevaluation, replacePipelines } from './stage.service.ts';
import type { DealSource, StageCategory } from '../deal.ts';

export const PIPELINE_FORMATS = ['hubspot-pipelines', 'fivetran-hubspot', 'salesforce-stages'] as const;
export type PipelineFormat = (typeof PIPELINE_FORMATS)[number];

export const PIPELINE_FORMAT_HELP: Record<PipelineFormat, string> = {
  'hubspot-pipelines': 'the JSON answer of HubSpot GET /crm/v3/pipelines/deals, saved to a file',
  'fivetran-hubspot':
    "Fivetran's HubSpot deal_pipeline_stage table as CSV, with deal_pipeline (the pipelines' names) as a second file",
  'salesforce-stages':
    'a Salesforce OpportunityStage export (ApiName, MasterLabel, IsWon, IsClosed, DefaultProbability)',
};

export type PipelineFilePart =
  | { format: 'hubspot-pipelines' }
  | { format: 'fivetran-hubspot'; table: 'stages' | 'pipelines' }
  | { format: 'salesforce-stages' };

const headerOf = (text: string): string[] =>
  (text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '')
    .split(',')
    .map((h) => h.trim().replace(/^"|"$/g, '').trim().toLowerCase());

/** What a file is, from its content: JSON, or a CSV header naming a known table's columns. */
export function detectPipelineFile(text: string): PipelineFilePart | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return { format: 'hubspot-pipelines' };
  const header = new Set(headerOf(text));
  if (header.has('stage_id') && header.has('pipeline_id')) return { format: 'fivetran-hubspot', table: 'stages' };
  if (header.has('pipeline_id') && header.has('label')) return { format: 'fivetran-hubspot', table: 'pipelines' };
  if (header.has('apiname') || header.has('masterlabel')) return { format: 'salesforce-stages' };
  return undefined;
}

const refuse = (field: string, message: string) => AppError.validation(field, message);

/**
 * Reads pipeline-definition files (one, or Fivetran's two tables) into pipelines, telling the format from the
 * content unless it is given. Throws a validation error naming the file when a file is not what it should be,
 * and one listing every problem when rows cannot be read: a definition is loaded whole or not at all.
 */
export async function readPipelineFiles(
  files: PipelineFile[],
  format?: PipelineFormat,
): Promise<PipelineRead & { format: PipelineFormat }> {
  if (files.length === 0) throw refuse('files', 'give the file with the pipeline definitions');
  const parts = files.map((f, i) => {
    const part = detectPipelineFile(f.text);
    if (!part)
      throw refuse(
        `files.${i}`,
        `${f.name}: not a pipeline definition Baton knows (${PIPELINE_FORMATS.join(', ')}); see --help`,
      );
    if (format && part.format !== format)
      throw refuse(`files.${i}`, `${f.name} looks like ${part.format}, not ${format}`);
    return { file: f, part };
  });
  const chosen = parts[0]?.part.format as PipelineFormat;
  if (parts.some((p) => p.part.format !== chosen))
    throw refuse(
      'files',
      `the files are of different formats (${[...new Set(parts.map((p) => p.part.format))].join(', ')})`,
    );
  let read: PipelineRead;
  if (chosen === 'fivetran-hubspot') {
    const table = (t: 'stages' | 'pipelines') =>
      parts.filter((p) => p.part.format === 'fivetran-hubspot' && p.part.table === t).map((p) => p.file);
    const [stages, ...moreStages] = table('stages');
    const [names, ...moreNames] = table('pipelines');
    if (!stages)
      throw refuse(
        'files',
        'give the deal_pipeline_stage table (stage_id, pipeline_id, label, closed_won …); deal_pipeline alone names pipelines but defines no stages',
      );
    if (moreStages.length || moreNames.length)
      throw refuse('files', 'give one deal_pipeline_stage table and at most one deal_pipeline table');
    read = await readFivetranHubspotPipelines(stages.text, names?.text);
  } else {
    if (files.length > 1) throw refuse('files', `${chosen} is one file; got ${files.length}`);
    read =
      chosen === 'hubspot-pipelines'
        ? readHubspotApiPipelines(files[0]?.text ?? '')
        : await readSalesforceStages(files[0]?.text ?? '');
  }
  if (read.errors.length > 0) {
    const shown = read.errors.slice(0, 50);
    const more = read.errors.length > shown.length ? ` … and ${read.errors.length - shown.length} more` : '';
    throw new AppError(
      'validation',
      `nothing was loaded: ${shown.map((e) => `${e.field}: ${e.message}`).join('; ')}${more}`,
      { fieldErrors: shown },
    );
  }
  return { ...read, format: chosen };
}

export interface PipelineSummary {
  source: DealSource;
  pipeline: string;
  pipelineLabel: string | null;
  stages: number;
  won: number;
  lost: number;
  open: number;
}

export interface PipelineImportResult extends Reevaluation {
  format: PipelineFormat;
  pipelines: PipelineSummary[];
  stages: number;
  /** Stages deleted in the CRM and left out. */
  skipped: number;
  notes: string[];
}

/** What a load of pipelines did: each pipeline with its stages by category, and the deals it moved. */
export function pipelineSummary(
  read: PipelineRead & { format: PipelineFormat },
  moved: Reevaluation,
): PipelineImportResult {
  const count = (stages: Array<{ category: StageCategory }>, c: StageCategory) =>
    stages.filter((s) => s.category === c).length;
  const pipelines = read.pipelines.map((p) => ({
    source: p.source,
    pipeline: p.pipeline,
    pipelineLabel: p.pipelineLabel ?? null,
    stages: p.stages.length,
    won: count(p.stages, 'won'),
    lost: count(p.stages, 'lost'),
    open: count(p.stages, 'open'),
  }));
  return {
    format: read.format,
    pipelines,
    stages: pipelines.reduce((n, p) => n + p.stages, 0),
    skipped: read.skipped,
    notes: read.notes,
    ...moved,
  };
}

/**
 * Loads the pipelines read from files: each replaces that pipeline's stage mapping (audited), then the deals
 * they decide are re-evaluated once. Run it in the caller's transaction; `baton import pipelines` and the upload
 * routes load them through the pipelines importer, which keeps the run.
 */
export async function loadPipelines(
  db: Db,
  actor: Actor,
  workspaceId: string,
  read: PipelineRead & { format: PipelineFormat },
): Promise<PipelineImportResult> {
  return pipelineSummary(read, await replacePipelines(db, actor, workspaceId, read.pipelines));
}
