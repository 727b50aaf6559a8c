import type { Readable } from 'node:stream';
import type { RowError } from '../deal.ts';
import { readCsv } from '../../../platform/imports/csv/csv-reader.ts';
import { RowCells } from '../../../platform/imports/csv/row-cells.ts';
import { cleanText, parseBoolean } from './values.ts';

/** A HubSpot deal stage as Fivetran's `deal_pipeline_stage` table holds it. */
export interface HubspotStage {
  pipelineId: string;
  stageId: string;
  label: string;
  isClosed: boolean;
  isWon: boolean;
  /** 0 to 1, as HubSpot stores it; null when blank. */
  probability: number | null;
  /** False for stages archived in HubSpot; deals may still sit in them. */
  active: boolean;
  /** The stage's place in its pipeline; null when blank. */
  displayOrder: number | null;
}

/** A HubSpot deal pipeline as Fivetran's `deal_pipeline` table holds it. */
export interface HubspotPipeline {
  pipelineId: string;
  label: string;
  active: boolean;
  displayOrder: number | null;
}

/** What a table reader returns: the rows, how many were deleted in the source, and rows it could not read. */
export interface TableRead<T> {
  items: T[];
  deleted: number;
  errors: RowError[];
}

class TableRow {
  readonly errors: RowError[] = [];
  readonly #cells: RowCells;

  constructor(
    values: Record<string, string>,
    readonly row: number,
  ) {
    this.#cells = new RowCells(values);
  }

  text(column: string): string {
    const value = cleanText(this.#cells.first([column])?.raw);
    if (value === null) this.errors.push({ row: this.row, field: column, reason: 'required, but empty or missing' });
    return value ?? '';
  }

  flag(column: string, blank: boolean): boolean {
    const raw = this.#cells.first([column])?.raw ?? '';
    if (raw.trim() === '') return blank;
    const parsed = parseBoolean(raw);
    if ('value' in parsed) return parsed.value;
    this.errors.push({ row: this.row, field: column, reason: parsed.error });
    return blank;
  }

  number(column: string, min: number, max: number): number | null {
    const raw = this.#cells.first([column])?.raw.trim() ?? '';
    const value = Number(raw);
    if (raw === '') return null;
    if (Number.isFinite(value) && value >= min && value <= max) return value;
    this.errors.push({ row: this.row, field: column, reason: `"${raw}" is not a number from ${min} to ${max}` });
    return null;
  }
}

async function readTable<T>(input: Readable | string, toItem: (row: TableRow) => T): Promise<TableRead<T>> {
  const read: TableRead<T> = { items: [], deleted: 0, errors: [] };
  for await (const item of readCsv(input)) {
    if ('error' in item) {
      read.errors.push({ row: item.row, field: 'csv', reason: item.error });
      continue;
    }
    const row = new TableRow(item.values, item.row);
    if (row.flag('_fivetran_deleted', false)) read.deleted += 1;
    else {
      const value = toItem(row);
      if (row.errors.length) read.errors.push(...row.errors);
      else read.items.push(value);
    }
  }
  return read;
}

/**
 * Reads Fivetran's HubSpot `deal_pipeline_stage` table (`deal_pipeline_stage_data.csv`): what each stage id
 * means. Stages deleted in HubSpot (`_fivetran_deleted`) are counted, not returned.
 */
export function readHubspotStages(input: Readable | string): Promise<TableRead<HubspotStage>> {
  return readTable(input, (row) => ({
    pipelineId: row.text('pipeline_id'),
    stageId: row.text('stage_id'),
    label: row.text('label'),
    isClosed: row.flag('is_closed', false),
    isWon: row.flag('closed_won', false),
    probability: row.number('probability', 0, 1),
    active: row.flag('active', true),
    displayOrder: row.number('display_order', 0, Number.MAX_SAFE_INTEGER),
  }));
}

/** Reads Fivetran's HubSpot `deal_pipeline` table (`deal_pipeline_data.csv`): pipeline labels. */
export function readHubspotPipelines(input: Readable | string): Promise<TableRead<HubspotPipeline>> {
  return readTable(input, (row) => ({
    pipelineId: row.text('pipeline_id'),
    label: row.text('label'),
    active: row.flag('active', true),
    displayOrder: row.number('display_order', 0, Number.MAX_SAFE_INTEGER),
  }));
}
