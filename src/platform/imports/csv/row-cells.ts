/** One value of a row together with the column it came from, for error messages that name both. */
export interface Cell {
  column: string;
  raw: string;
}

const normalize = (name: string): string => name.trim().toLowerCase();

/** Rows of one file share their column names: index them once per header, not once per row. */
const indexes = new Map<string, Map<string, string>>();
const MAX_INDEXES = 64;

function indexOf(values: Record<string, string>): Map<string, string> {
  const columns = Object.keys(values);
  const signature = columns.join('\u0000');
  let index = indexes.get(signature);
  if (index) return index;
  index = new Map();
  for (const column of columns) if (!index.has(normalize(column))) index.set(normalize(column), column);
  if (indexes.size >= MAX_INDEXES) indexes.clear();
  indexes.set(signature, index);
  return index;
}

/** Case-insensitive access to a row's values by column name, safe for any header text. */
export class RowCells {
  readonly #values: Record<string, string>;
  readonly #index: Map<string, string>;

  constructor(values: Record<string, string>) {
    this.#values = values;
    this.#index = indexOf(values);
  }

  #cell(name: string): Cell | undefined {
    const column = this.#index.get(normalize(name));
    return column === undefined ? undefined : { column, raw: this.#values[column] ?? '' };
  }

  /** The first of `columns` the row has. */
  first(columns: readonly string[]): Cell | undefined {
    for (const name of columns) {
      const cell = this.#cell(name);
      if (cell) return cell;
    }
    return undefined;
  }

  /** Every one of `columns` the row has, once each, in the order given. */
  all(columns: readonly string[]): Cell[] {
    const cells = new Map<string, Cell>();
    for (const name of columns) {
      const cell = this.#cell(name);
      if (cell && !cells.has(cell.column)) cells.set(cell.column, cell);
    }
    return [...cells.values()];
  }
}

/** The header names (case-insensitively) missing from `headers`. */
export function missingColumns(headers: readonly string[], columns: readonly string[]): string[] {
  const present = new Set(headers.map(normalize));
  return columns.filter((c) => !present.has(normalize(c)));
}
