import type { RowError, StageCategory } from '../deal.ts';
import type { Cell } from '../../../platform/imports/csv/row-cells.ts';
import { parseBoolean } from '../../../platform/imports/values/booleans.ts';

function flag(cell: Cell | undefined, field: string, row: number, errors: RowError[]): boolean | undefined {
  if (!cell) return undefined;
  const parsed = parseBoolean(cell.raw);
  if ('value' in parsed) return parsed.value;
  errors.push({ row, field, reason: `column "${cell.column}": ${parsed.error}` });
  return undefined;
}

/**
 * Won when `is_won` is true; lost when `is_closed` is true and `is_won` false; open when `is_closed` is false.
 * Null when the columns cannot say (neither present, or closed with no `is_won`), so a stage mapping decides.
 */
export function stageCategory(
  won: Cell | undefined,
  closed: Cell | undefined,
  row: number,
  errors: RowError[],
): StageCategory | null {
  const isWon = flag(won, 'is_won', row, errors);
  const isClosed = flag(closed, 'is_closed', row, errors);
  if (isWon === true) return 'won';
  if (isClosed === false) return 'open';
  return isClosed === true && isWon === false ? 'lost' : null;
}
