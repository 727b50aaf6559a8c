import { AppError } from '../platform/errors/app-error.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day option, refused naming the flag when it is not a real YYYY-MM-DD date. */
export function day(flag: string, value: string | undefined, fallback?: string): string {
  const v = value ?? fallback;
  if (v === undefined) throw AppError.validation(flag, 'required: a day as YYYY-MM-DD');
  if (!DAY.test(v) || !new Date(`${v}T00:00:00Z`).toISOString().startsWith(v))
    throw AppError.validation(flag, `"${v}" is not a day as YYYY-MM-DD`);
  return v;
}
