/**
 * `pipelines` behind the one `Importer` face: a CRM's pipeline definitions (HubSpot's pipelines API answer as
 * JSON, Fivetran's `deal_pipeline_stage` table with `deal_pipeline` beside it, a Salesforce `OpportunityStage`
 * export), read whole and loaded in one transaction, kept as an import run like every other import.
 */
import type { Readable } from 'node:stream';
import { AppError } from '../../../platform/errors/app-error.ts';
import { nestsDeeperThan, tooDeepMessage } from '../../../platform/http/json-input.ts';
import type { ImportResult } from '../../../platform/imports/import-run.ts';
import { runImport } from '../../../platform/imports/import.service.ts';
import type { ImportCall, Importer } from '../../../platform/imports/importer.ts';
import type { CsvInput } from '../../../platform/imports/source.ts';
import {
  PIPELINE_FORMAT_HELP,
  PIPELINE_FORMATS,
  type PipelineFormat,
  type PipelineImportResult,
  pipelineSummary,
  readPipelineFiles,
} from './pipeline-import.ts';
import type { PipelineFile } from './readers/pipeline-read.ts';
import { replacePipelines, type Reevaluation } from './stage.service.ts';
import { selectPipelineMappings } from './stage.store.ts';
import type { PipelineInput } from './stage-view.ts';

/** Pipeline definitions are small; a file past this size is not one. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A definition file's text, refused past 20 MB or when its JSON nests too deep to be one. */
async function textOf(input: CsvInput, name: string, field: string): Promise<PipelineFile> {
  const opened = input.open();
  let text: string;
  if (typeof opened === 'string') text = opened;
  else {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of opened as Readable) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += bytes.length;
      if (size > MAX_FILE_BYTES) {
        (opened as Readable).destroy();
        throw AppError.validation(field, `${name} is larger than 20 MB: not a pipeline definition`);
      }
      chunks.push(bytes);
    }
    text = Buffer.concat(chunks).toString('utf8');
  }
  if (/^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) && nestsDeeperThan(text))
    throw AppError.validation(field, `${name}: ${tooDeepMessage()}`);
  return { name, text };
}

/** The files of a call, the main one first (`files.0`, `files.1` in problems, as the pipeline readers name them). */
async function filesOf(call: ImportCall): Promise<PipelineFile[]> {
  const files = [await textOf(call.input, call.fileName ?? 'pipelines', 'files.0')];
  const names = call.request.files?.names;
  if (names) files.push(await textOf(names, names.name, 'files.1'));
  return files;
}

function formatOf(call: ImportCall): PipelineFormat | undefined {
  const { format } = call.request;
  if (format === undefined || (PIPELINE_FORMATS as readonly string[]).includes(format))
    return format as PipelineFormat | undefined;
  throw AppError.validation(call.name('format'), `unknown format "${format}" (${PIPELINE_FORMATS.join(', ')})`);
}

async function run(db: Parameters<Importer['run']>[0], call: ImportCall): Promise<ImportResult> {
  const files = await filesOf(call);
  const read = await readPipelineFiles(files, formatOf(call));
  let moved: Reevaluation = { dealsRecategorized: 0, dealsChangedState: 0 };
  const summary = (): PipelineImportResult => pipelineSummary(read, moved);
  const details = () => {
    const { format: _format, notes: _notes, ...rest } = summary();
    return { files: files.map((f) => f.name), ...rest };
  };
  const report = await runImport<PipelineInput>(db, {
    workspaceId: call.workspaceId,
    kind: 'pipelines',
    format: read.format,
    fileName: call.fileName,
    actor: call.actor,
    dryRun: call.dryRun,
    runId: call.runId,
    onProgress: call.onProgress,
    // One batch: a definition is loaded whole or not at all, in one transaction.
    batchSize: Math.max(1, read.pipelines.length),
    rows: (async function* () {
      for (const [i, record] of read.pipelines.entries()) yield { row: i + 1, ok: true as const, record };
    })(),
    applyBatch: async (trx, batch) => {
      let updated = 0;
      for (const { record } of batch)
        if ((await selectPipelineMappings(trx, call.workspaceId, record.source, record.pipeline.trim())).length)
          updated += 1;
      moved = await replacePipelines(
        trx,
        call.actor,
        call.workspaceId,
        batch.map((b) => b.record),
      );
      return { created: batch.length - updated, updated, unchanged: 0, errors: [] };
    },
    audit: { action: 'deal.stage_mapping.import', details },
    notes: () => read.notes,
  });
  return {
    ...report,
    kind: 'pipelines',
    format: read.format,
    dryRun: Boolean(call.dryRun),
    notes: read.notes,
    details: details(),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const pipelineImporter: Importer = {
  kind: 'pipelines',
  label: 'Pipelines',
  description:
    "Load a CRM's pipeline definitions: which stages exist, which mean won or lost, and their probabilities. Each pipeline in the files replaces its stage mapping, and the deals at its stages are re-evaluated.",
  access: 'deals:write',
  mediaTypes: ['text/csv', 'application/json'],
  takes: ['format'],
  formats: PIPELINE_FORMATS,
  fields: [],
  formatHelp: PIPELINE_FORMAT_HELP,
  aliasFields: [],
  defaultFields: [],
  files: [
    {
      name: 'names',
      description: "Fivetran's deal_pipeline table (the pipelines' names), beside its deal_pipeline_stage table",
      argument: true,
    },
  ],
  examples: [
    'baton import pipelines pipelines.json --workspace acme',
    'baton import pipelines deal_pipeline_stage.csv deal_pipeline.csv --workspace acme --format fivetran-hubspot',
    'baton import pipelines OpportunityStage.csv --workspace acme',
  ],
  api: {
    summary: "Load a CRM's pipeline definitions from a file; each pipeline in it replaces its stage mapping",
    description: `The body is the definition file: ${PIPELINE_FORMATS.map((f) => `${f} = ${PIPELINE_FORMAT_HELP[f]}`).join('; ')}. The format is told from the content when left out. A definition is loaded whole or not at all; the deals at its stages are re-evaluated. Fivetran's two tables together: POST /api/v1/deals/stage-mappings/import.`,
  },
  run,
  describe: (result) => {
    const s = result.details as unknown as PipelineImportResult;
    return {
      headline: `${plural(s.pipelines.length, 'pipeline')}, ${s.stages} stages`,
      lines: [
        ...s.pipelines.map((p) => {
          const name = p.pipelineLabel ? `${p.pipelineLabel} (${p.pipeline})` : p.pipeline || 'all pipelines';
          return `${p.source} ${name}: ${p.stages} stages · ${p.won} won · ${p.lost} lost · ${p.open} open`;
        }),
        `deals re-evaluated: ${s.dealsRecategorized} changed category, ${s.dealsChangedState} changed journey state`,
      ],
    };
  },
};
