import { AppError } from '../errors/app-error.ts';

/** Opaque page cursors: base64url JSON, so clients never build or read them. */
export const encodeCursor = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeCursor<T>(cursor: string | undefined, check: (v: unknown) => v is T): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // falls through to the error below
  }
  throw AppError.validation('query.cursor', 'is not a cursor this API gave out');
}
