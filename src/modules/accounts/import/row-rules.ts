import type { FieldReader } from '../../../platform/imports/field-reader.ts';
import type { RowError } from '../../../platform/imports/import-run.ts';

/** Errors in the order of the documented fields (flag columns first), whatever order they were found in. */
export function byFieldOrder(errors: RowError[], order: readonly string[]): RowError[] {
  return errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** Text no longer than the API allows for the field; longer is a row error, never a silent cut. */
export function limited<F extends string>(
  read: FieldReader<F>,
  field: F,
  value: string | null | undefined,
  max: number,
): string | null | undefined {
  if (typeof value === 'string' && value.length > max)
    return read.fail(field, `longer than ${max} characters (${value.length})`);
  return value;
}

/** The record without the fields its file has no column for (`undefined`): those keep their stored values. */
export function withoutAbsent<T extends object>(record: T): T {
  for (const key of Object.keys(record) as (keyof T)[]) if (record[key] === undefined) delete record[key];
  return record;
}
