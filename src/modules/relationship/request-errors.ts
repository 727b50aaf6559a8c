/** Row problems of a request's items turned into one refusal naming each field as the API calls it (pure). */
import { AppError } from '../../platform/errors/app-error.ts';
import type { RowError } from '../../platform/imports/import-run.ts';

/**
 * A refusal naming `body.<field>` for one item, `body.items.<i>.<field>` for a batch (rows are 1-based, items 0-based);
 * `rename` turns the import's field names into the API's.
 */
export function refusal(errors: readonly RowError[], batch: boolean, rename: (field: string) => string): AppError {
  const fieldErrors = errors.map((e) => ({
    field: batch ? `body.items.${e.row - 1}.${rename(e.field)}` : `body.${rename(e.field)}`,
    message: e.reason,
  }));
  return new AppError('validation', fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; '), { fieldErrors });
}

/** The items of a body that holds one item's fields or `items`; both at once is refused naming `body.items`. */
export function itemsOf<T>(
  body: { items?: T[] } & Record<string, unknown>,
  one: (fields: Record<string, unknown>) => T,
  what: string,
): { items: T[]; batch: boolean } {
  const { items, ...fields } = body;
  if (!items) return { items: [one(fields)], batch: false };
  if (Object.values(fields).some((v) => v !== undefined))
    throw AppError.validation('body.items', `send one ${what} or items, not both`);
  return { items, batch: true };
}
