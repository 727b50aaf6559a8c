import type { StageCategory } from '../../deal.ts';
import type { PipelineInput } from '../stage-view.ts';
import { type DefinitionError, type PipelineRead, percentOf } from './pipeline-read.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** HubSpot writes metadata values as strings ("true", "0.2"); older answers use booleans and numbers. */
function flag(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return undefined;
}

function share(v: unknown): number | null | undefined {
  if (v === undefined || v === null || v === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : Number.NaN;
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

const text = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;

/**
 * A closed deal stage is won at probability 1.0 and lost at 0.0 (HubSpot's own rule for deal stages);
 * an open one is open. Older answers say `closedWon` outright.
 */
function categoryOf(stage: Json, meta: Json, probability: number | null): StageCategory | string {
  const closedWon = flag(meta.closedWon ?? stage.closedWon);
  if (closedWon === true) return 'won';
  const closed = flag(meta.isClosed ?? stage.isClosed);
  if (closed === undefined && (meta.isClosed ?? stage.isClosed) !== undefined)
    return `isClosed "${String(meta.isClosed ?? stage.isClosed)}" is not true or false`;
  if (!closed) return 'open';
  if (closedWon === false || probability === 0) return 'lost';
  if (probability === 1) return 'won';
  return `closed, but probability ${probability ?? 'blank'} says neither won (1.0) nor lost (0.0)`;
}

/**
 * The answer of HubSpot's `GET /crm/v3/pipelines/deals` saved to a file: `{ results: [{ id, label,
 * displayOrder, archived, stages: [{ id, label, displayOrder, archived, metadata: { isClosed, probability } }] }] }`.
 * Also reads the legacy v1 shape (`pipelineId`, `stageId`), a bare array of pipelines, or one pipeline.
 */
export function readHubspotApiPipelines(json: string): PipelineRead {
  const read: PipelineRead = { pipelines: [], skipped: 0, notes: [], errors: [] };
  const fail = (field: string, message: string): void =>
    void read.errors.push({ field, message } satisfies DefinitionError);
  let body: unknown;
  try {
    body = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (err) {
    fail('file', `not JSON: ${(err as Error).message}`);
    return read;
  }
  const { list, at }: { list: unknown[]; at: (i: number) => string } =
    isObject(body) && Array.isArray(body.results)
      ? { list: body.results, at: (i) => `results.${i}` }
      : Array.isArray(body)
        ? { list: body, at: (i) => String(i) }
        : { list: [body], at: () => '' };
  list.forEach((p, i) => {
    const where = at(i);
    const prefix = where ? `${where}.` : '';
    if (!isObject(p) || !Array.isArray(p.stages))
      return fail(
        where || 'file',
        'not a pipeline: expected an object with stages (the answer of GET /crm/v3/pipelines/deals)',
      );
    const id = text(p.id ?? p.pipelineId);
    if (!id) return fail(`${prefix}id`, 'required, but missing');
    const pipeline: PipelineInput = { source: 'hubspot', pipeline: id, pipelineLabel: text(p.label), stages: [] };
    const stages = (p.stages as unknown[]).map((s, j) => ({ s, j })).sort((a, b) => order(a.s) - order(b.s));
    for (const { s, j } of stages) {
      const field = `${prefix}stages.${j}`;
      if (!isObject(s)) {
        fail(field, 'not a stage object');
        continue;
      }
      const stageId = text(s.id ?? s.stageId);
      if (!stageId) {
        fail(`${field}.id`, 'required, but missing');
        continue;
      }
      const meta = isObject(s.metadata) ? s.metadata : {};
      const probability = share(meta.probability ?? s.probability);
      if (probability === undefined) {
        fail(
          `${field}.metadata.probability`,
          `"${String(meta.probability ?? s.probability)}" is not a number from 0 to 1`,
        );
        continue;
      }
      const category = categoryOf(s, meta, probability);
      if (category !== 'won' && category !== 'lost' && category !== 'open') {
        fail(`${field}.metadata`, category);
        continue;
      }
      pipeline.stages.push({ stage: stageId, label: text(s.label), category, probability: percentOf(probability) });
    }
    read.pipelines.push(pipeline);
  });
  if (read.pipelines.length === 0 && read.errors.length === 0) fail('file', 'no pipelines in the file');
  return read;
}

function order(stage: unknown): number {
  const n = isObject(stage) ? Number(stage.displayOrder) : Number.NaN;
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}
