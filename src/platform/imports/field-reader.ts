import { type Cell, RowCells } from './csv/row-cells.ts';
import type { RowError } from './import-run.ts';
import { type ColumnOverrides, columnsFor, type FormatProfile } from './profile.ts';
import type { Parsed } from './values/parsed.ts';
import { cleanText } from './values/text.ts';

/**
 * Reads one CSV row's cells into fields through a format profile, collecting every problem instead of
 * stopping at the first. Each read answers `undefined` when the file has no column for the field (the record
 * keeps what it had), `null` when the cell is blank, or the value.
 */
export class FieldReader<F extends string> {
  readonly errors: RowError[] = [];
  readonly cells: RowCells;

  constructor(
    values: Record<string, string>,
    readonly row: number,
    readonly profile: FormatProfile<F>,
    readonly overrides: ColumnOverrides<F> | undefined,
  ) {
    this.cells = new RowCells(values);
  }

  cell(field: F): Cell | undefined {
    return this.cells.first(columnsFor(this.profile, this.overrides, field));
  }

  fail(field: F, reason: string): null {
    this.errors.push({ row: this.row, field, reason });
    return null;
  }

  /** Trimmed text with runs of whitespace folded. */
  text(field: F): string | null | undefined {
    const cell = this.cell(field);
    return cell ? cleanText(cell.raw) : undefined;
  }

  /** A value through a parser; a parse error becomes a row error naming the field and the column. */
  parsed<T>(field: F, parse: (raw: string) => Parsed<T | null>): T | null | undefined {
    const cell = this.cell(field);
    if (!cell) return undefined;
    const result = parse(cell.raw);
    return 'value' in result ? result.value : this.fail(field, `column "${cell.column}": ${result.error}`);
  }

  /** A value the record cannot do without: blank or absent is a row error saying which. */
  required(field: F, value: string | null | undefined): string {
    if (value) return value;
    if (this.errors.some((e) => e.field === field)) return '';
    const cell = this.cell(field);
    const columns = columnsFor(this.profile, this.overrides, field);
    if (cell) this.fail(field, `required, but column "${cell.column}" is empty`);
    else if (columns.length)
      this.fail(field, `required, but the file has no ${columns.map((c) => `"${c}"`).join(' or ')} column`);
    else this.fail(field, 'required, but no column is mapped to it');
    return '';
  }
}
