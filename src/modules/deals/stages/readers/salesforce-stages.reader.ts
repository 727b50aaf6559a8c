import { Readable } from 'node:stream';
import type { StageCategory } from '../../deal.ts';
import { readCsv } from '../../../../platform/imports/csv/csv-reader.ts';
import { RowCells } from '../../../../platform/imports/csv/row-cells.ts';
import { cleanText, parseBoolean } from '../../import/values.ts';
import type { StageInput } from '../stage-view.ts';
import type { PipelineRead } from './pipeline-read.ts';

/**
 * Salesforce `OpportunityStage` exported as CSV (Data Loader, Workbench, `sf data query --result-format csv`):
 * `ApiName` (what `Opportunity.StageName` holds) and `MasterLabel`, `IsWon`, `IsClosed`, `DefaultProbability`
 * (0–100), `SortOrder`, `IsActive`. Salesforce stages belong to no pipeline: they map every Opportunity.
 * Inactive stages are kept, since older deals may still sit in them.
 */
export async function readSalesforceStages(csv: string): Promise<PipelineRead> {
  const read: PipelineRead = { pipelines: [], skipped: 0, notes: [], errors: [] };
  const stages: Array<StageInput & { order: number }> = [];
  let inactive = 0;
  for await (const item of readCsv(Readable.from([Buffer.from(csv)]))) {
    const where = `row ${item.row}`;
    if ('error' in item) {
      read.errors.push({ field: `${where}: csv`, message: item.error });
      continue;
    }
    const cells = new RowCells(item.values);
    const problems: string[] = [];
    const flag = (column: string): boolean => {
      const cell = cells.first([column]);
      if (!cell) return false;
      const parsed = parseBoolean(cell.raw);
      if ('value' in parsed) return parsed.value;
      read.errors.push({ field: `${where}: ${column}`, message: parsed.error });
      problems.push(column);
      return false;
    };
    const apiName = cleanText(cells.first(['ApiName'])?.raw);
    const label = cleanText(cells.first(['MasterLabel'])?.raw);
    const stage = apiName ?? label;
    if (!stage) {
      read.errors.push({ field: `${where}: ApiName`, message: 'required (or MasterLabel), but empty' });
      continue;
    }
    const won = flag('IsWon');
    const closed = flag('IsClosed');
    if (cells.first(['IsActive']) && !flag('IsActive')) inactive += 1;
    const rawProbability = cells.first(['DefaultProbability'])?.raw.trim() ?? '';
    const probability = rawProbability === '' ? null : Number(rawProbability);
    if (probability !== null && !(Number.isFinite(probability) && probability >= 0 && probability <= 100)) {
      read.errors.push({
        field: `${where}: DefaultProbability`,
        message: `"${rawProbability}" is not a number from 0 to 100`,
      });
      continue;
    }
    if (problems.length) continue;
    const category: StageCategory = won ? 'won' : closed ? 'lost' : 'open';
    const order = Number(cells.first(['SortOrder'])?.raw.trim() || Number.NaN);
    stages.push({
      stage,
      label: label ?? null,
      category,
      probability: probability === null ? null : Math.round(probability),
      order: Number.isFinite(order) ? order : Number.MAX_SAFE_INTEGER,
    });
  }
  if (stages.length === 0 && read.errors.length === 0)
    read.errors.push({ field: 'file', message: 'no stages in the file' });
  stages.sort((a, b) => a.order - b.order);
  read.pipelines = stages.length
    ? [{ source: 'salesforce', pipeline: '', pipelineLabel: null, stages: stages.map(({ order: _, ...s }) => s) }]
    : [];
  if (inactive > 0)
    read.notes.push(`${inactive} inactive stage${inactive === 1 ? '' : 's'} kept: older deals may still sit in them`);
  return read;
}
