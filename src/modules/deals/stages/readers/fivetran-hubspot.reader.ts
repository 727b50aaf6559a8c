import { Readable } from 'node:stream';
import type { StageCategory } from '../../deal.ts';
import { readHubspotPipelines, readHubspotStages } from '../../import/index.ts';
import type { PipelineInput } from '../stage-view.ts';
import { type PipelineRead, percentOf } from './pipeline-read.ts';

const streamOf = (text: string) => Readable.from([Buffer.from(text)]);

/**
 * HubSpot pipelines as a Fivetran warehouse sync lands them: `deal_pipeline_stage` (stage id, label,
 * `closed_won`, `is_closed`, probability 0–1, display order, per pipeline id) and, for the pipelines' names,
 * `deal_pipeline`. Stages deleted in HubSpot are counted and left out; archived ones are kept, since deals
 * may still sit in them. Won when `closed_won`, lost when closed and not won, open otherwise.
 */
export async function readFivetranHubspotPipelines(stagesCsv: string, pipelinesCsv?: string): Promise<PipelineRead> {
  const stages = await readHubspotStages(streamOf(stagesCsv));
  const names = pipelinesCsv ? await readHubspotPipelines(streamOf(pipelinesCsv)) : undefined;
  const read: PipelineRead = { pipelines: [], skipped: stages.deleted, notes: [], errors: [] };
  const asErrors = (file: string, errors: typeof stages.errors) =>
    errors.map((e) => ({ field: `${file} row ${e.row}: ${e.field}`, message: e.reason }));
  read.errors.push(
    ...asErrors('deal_pipeline_stage', stages.errors),
    ...asErrors('deal_pipeline', names?.errors ?? []),
  );
  const labels = new Map((names?.items ?? []).map((p) => [p.pipelineId, p.label]));
  const byPipeline = new Map<string, PipelineInput>();
  const sorted = [...stages.items].sort(
    (a, b) => (a.displayOrder ?? Number.MAX_SAFE_INTEGER) - (b.displayOrder ?? Number.MAX_SAFE_INTEGER),
  );
  for (const s of sorted) {
    let pipeline = byPipeline.get(s.pipelineId);
    if (!pipeline) {
      pipeline = {
        source: 'hubspot',
        pipeline: s.pipelineId,
        pipelineLabel: labels.get(s.pipelineId) ?? null,
        stages: [],
      };
      byPipeline.set(s.pipelineId, pipeline);
    }
    const category: StageCategory = s.isWon ? 'won' : s.isClosed ? 'lost' : 'open';
    pipeline.stages.push({ stage: s.stageId, label: s.label, category, probability: percentOf(s.probability) });
  }
  read.pipelines = [...byPipeline.values()];
  if (read.skipped > 0)
    read.notes.push(`${read.skipped} stage${read.skipped === 1 ? '' : 's'} deleted in HubSpot left out`);
  if (names) {
    const unnamed = read.pipelines.filter((p) => p.pipelineLabel === null).length;
    if (unnamed > 0)
      read.notes.push(
        `${unnamed} of ${read.pipelines.length} pipelines have no row in deal_pipeline: they are shown by id`,
      );
  }
  return read;
}
