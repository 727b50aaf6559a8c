import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import {
  loadPipelines,
  PIPELINE_FORMAT_HELP,
  PIPELINE_FORMATS,
  type PipelineFormat,
  readPipelineFiles,
} from '../../modules/deals/stages/pipeline-import.ts';
import { withContext } from '../context.ts';

/** Pipeline definitions are small; a file past this size is not one. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

function formatsHelp(): string {
  const width = Math.max(...PIPELINE_FORMATS.map((f) => f.length));
  return `\nFormats (told from the content when --format is left out):\n${PIPELINE_FORMATS.map((f) => `  ${f.padEnd(width)}  ${PIPELINE_FORMAT_HELP[f]}`).join('\n')}\n\nExamples:\n  baton import pipelines pipelines.json --workspace acme\n  baton import pipelines deal_pipeline_stage.csv deal_pipeline.csv --workspace acme --format fivetran-hubspot\n  baton import pipelines OpportunityStage.csv --workspace acme\n`;
}

/** `baton import pipelines <files…>`: a CRM's pipelines and stages become the workspace's stage mappings. */
export function importPipelinesCommand(): Command {
  return new Command('pipelines')
    .description(
      "Load a CRM's pipeline definitions: which stages exist, which mean won or lost, and their probabilities. Each pipeline in the files replaces its stage mapping, and the deals at its stages are re-evaluated.",
    )
    .argument(
      '<files...>',
      'the definition file (Fivetran: the deal_pipeline_stage table, and deal_pipeline for names)',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(new Option('--format <format>', 'what wrote the files').choices([...PIPELINE_FORMATS]))
    .option('--json', 'print the result as one JSON object')
    .addHelpText('after', formatsHelp())
    .action(async (files: string[], opts: { workspace: string; format?: PipelineFormat; json?: boolean }) => {
      const read = await readPipelineFiles(
        files.map((file, i) => {
          if (!fs.existsSync(file)) throw AppError.validation(`files.${i}`, `${file} does not exist`);
          if (fs.statSync(file).size > MAX_FILE_BYTES)
            throw AppError.validation(
              `files.${i}`,
              `${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: not a pipeline definition`,
            );
          return { name: path.basename(file), text: fs.readFileSync(file, 'utf8') };
        }),
        opts.format,
      );
      const names = files.map((f) => path.basename(f));
      const result = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        const actor = { ...SYSTEM_ACTOR, label: `cli import pipelines ${names.join(' ')}` };
        return ctx.db.transaction().execute((trx) => loadPipelines(trx, actor, ws.id, read, names));
      });
      if (opts.json) {
        console.log(JSON.stringify(result));
        return;
      }
      console.log(
        `${names.join(', ')} (${result.format}): ${result.pipelines.length} pipeline${result.pipelines.length === 1 ? '' : 's'}, ${result.stages} stages`,
      );
      for (const p of result.pipelines) {
        const name = p.pipelineLabel ? `${p.pipelineLabel} (${p.pipeline})` : p.pipeline || 'all pipelines';
        console.log(`  ${p.source} ${name}: ${p.stages} stages · ${p.won} won · ${p.lost} lost · ${p.open} open`);
      }
      for (const n of result.notes) console.log(`  note: ${n}`);
      console.log(
        `  deals re-evaluated: ${result.dealsRecategorized} changed category, ${result.dealsChangedState} changed journey state`,
      );
    });
}
