import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.ts';
import { actorOf } from '../../../platform/auth/principal.ts';
import { principalOf } from '../../../platform/http/auth.hook.ts';
import { errorResponses } from '../../../platform/http/schemas.ts';
import { DEAL_SOURCES, STAGE_CATEGORIES } from '../deal.ts';
import { importFile } from '../../../platform/imports/import-file.ts';
import {
  PIPELINE_FORMAT_HELP,
  PIPELINE_FORMATS,
  type PipelineFormat,
  type PipelineImportResult,
} from './pipeline-import.ts';
import { pipelineImporter } from './pipeline-importer.ts';
import { listStageMappings, replacePipelineMapping } from './stage.service.ts';
import { pipelineProblems } from './stage-view.ts';

const stageSchema = z.object({
  stage: z.string(),
  label: z.string().nullable(),
  category: z.enum(STAGE_CATEGORIES),
  probability: z.number().nullable(),
  origin: z.enum(['built_in', 'workspace']),
  deals: z.number().describe('Deals at this stage'),
});

const pipelineSchema = z.object({
  source: z.enum(DEAL_SOURCES),
  pipeline: z.string().describe("The pipeline's id as deals carry it; empty = any pipeline of the source"),
  pipelineLabel: z.string().nullable(),
  stages: z.array(stageSchema),
});

const unmappedSchema = z.object({
  source: z.string(),
  pipeline: z.string().nullable(),
  stage: z.string(),
  deals: z.number(),
});

const viewSchema = z.object({
  pipelines: z.array(pipelineSchema),
  unmapped: z.array(unmappedSchema).describe('Stages deals carry that no mapping explains; those deals count as open'),
  fromSource: z
    .array(unmappedSchema.extend({ category: z.enum(STAGE_CATEGORIES) }))
    .describe('Stages whose category the CRM stated on the deals (Salesforce IsWon/IsClosed)'),
});

const movedShape = {
  dealsRecategorized: z.number().describe('Deals whose stage category changed'),
  dealsChangedState: z.number().describe('Deals whose journey state changed'),
};

const stageInput = z.object({
  stage: z.string().trim().min(1).max(200).describe('The stage as deals carry it (id or name)'),
  label: z.string().trim().max(200).nullish(),
  category: z.enum(STAGE_CATEGORIES),
  probability: z
    .number()
    .int()
    .min(0)
    .max(100)
    .nullish()
    .describe('Chance (0–100) that a deal here is won; defaults to 100 for won, 0 for lost'),
});

const pipelineInput = z.object({
  source: z.enum(DEAL_SOURCES),
  pipeline: z
    .string()
    .trim()
    .max(200)
    .describe("The pipeline's id as deals carry it; empty = any pipeline of the source"),
  pipelineLabel: z.string().trim().max(200).nullish(),
  stages: z
    .array(stageInput)
    .max(1000)
    .superRefine((stages, ctx) => {
      for (const p of pipelineProblems(stages)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
    }),
});

const importInput = z.object({
  format: z
    .enum(PIPELINE_FORMATS)
    .optional()
    .describe(
      `Told from the content when left out: ${PIPELINE_FORMATS.map((f) => `${f} = ${PIPELINE_FORMAT_HELP[f]}`).join('; ')}`,
    ),
  files: z
    .array(z.object({ name: z.string().trim().min(1).max(300), content: z.string().min(1) }))
    .min(1)
    .max(2),
});

const importResult = z.object({
  format: z.enum(PIPELINE_FORMATS),
  pipelines: z.array(
    z.object({
      source: z.enum(DEAL_SOURCES),
      pipeline: z.string(),
      pipelineLabel: z.string().nullable(),
      stages: z.number(),
      won: z.number(),
      lost: z.number(),
      open: z.number(),
    }),
  ),
  stages: z.number(),
  skipped: z.number(),
  notes: z.array(z.string()),
  ...movedShape,
});

/** Stage mappings: what each CRM stage means, per source and pipeline; changing one re-evaluates its deals. */
export function stageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.get('/api/v1/deals/stage-mappings', {
    config: { access: 'deals:read' },
    schema: {
      tags: ['deals'],
      summary:
        'What each CRM stage means (won, lost, open) and its probability, per source and pipeline, with deal counts and the stages nothing maps',
      response: { 200: viewSchema, ...errorResponses },
    },
    handler: async (request) => listStageMappings(db, principalOf(request).workspaceId),
  });

  r.put('/api/v1/deals/stage-mappings', {
    config: { access: 'deals:write' },
    schema: {
      tags: ['deals'],
      summary: "Replace one pipeline's stage mapping; the deals at its stages are re-evaluated at once",
      body: pipelineInput,
      response: { 200: z.object({ pipeline: pipelineSchema.nullable(), ...movedShape }), ...errorResponses },
    },
    handler: async (request) => {
      const principal = principalOf(request);
      return db
        .transaction()
        .execute((trx) =>
          replacePipelineMapping(trx, actorOf(principal, request.id), principal.workspaceId, request.body),
        );
    },
  });

  r.post('/api/v1/deals/stage-mappings/import', {
    config: { access: 'deals:write' },
    bodyLimit: 5 * 1024 * 1024,
    schema: {
      tags: ['deals'],
      summary: "Load a CRM's pipeline definitions from files; each pipeline in them replaces its stage mapping",
      body: importInput,
      response: { 200: importResult, ...errorResponses },
    },
    // The pipelines import with its files in a JSON body (Fivetran's two tables at once): the same importer and run.
    handler: async (request) => {
      const principal = principalOf(request);
      const [main, names] = request.body.files as [{ name: string; content: string }, ...typeof request.body.files];
      const result = await importFile(db, pipelineImporter, {
        workspaceId: principal.workspaceId,
        partnerId: principal.partnerId,
        actor: actorOf(principal, request.id),
        input: { open: () => main.content },
        fileName: main.name,
        request: {
          format: request.body.format,
          ...(names ? { files: { names: { name: names.name, open: () => names.content } } } : {}),
        },
        name: (option) => `body.${option}`,
      });
      const summary = result.details as unknown as PipelineImportResult;
      return { ...summary, format: result.format as PipelineFormat, notes: result.notes };
    },
  });
}
