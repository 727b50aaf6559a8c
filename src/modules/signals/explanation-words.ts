/** The words a signal's explanation is made of (pure): evidence fields read defensively, days, numbers, lists. */
export type Evidence = Record<string, unknown>;

export const num = (e: Evidence, k: string): number | null =>
  typeof e[k] === 'number' && Number.isFinite(e[k]) ? (e[k] as number) : null;
export const str = (e: Evidence, k: string): string | null =>
  typeof e[k] === 'string' && (e[k] as string).trim() !== '' ? (e[k] as string) : null;
export const list = (e: Evidence, k: string): unknown[] => (Array.isArray(e[k]) ? (e[k] as unknown[]) : []);
export const obj = (v: unknown): Evidence =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Evidence) : {};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 2026-11-03 or 2026-11-03T10:00:00Z → "3 Nov 2026" (the calendar day as written, no time zone shift). */
export function day(v: string | null): string {
  const m = v ? /^(\d{4})-(\d{2})-(\d{2})/.exec(v) : null;
  if (!m) return 'an unknown day';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
/** A count, with an unknown one said as such. */
export const n = (v: number | null): string => (v === null ? 'an unknown number' : String(Math.round(v * 10) / 10));
/** A share between 0 and 1 as a whole percentage. */
export const pct = (v: number | null): string => (v === null ? 'an unknown share' : `${Math.round(v * 100)} %`);
export const plural = (count: number | null, one: string, many = `${one}s`): string =>
  `${n(count)} ${count === 1 ? one : many}`;
export const quoted = (v: string | null): string => (v === null ? 'an unnamed item' : `“${v}”`);
export const joinAnd = (xs: string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;
/** Up to `max` items named, then how many more. */
export const some = (xs: string[], max = 3): string =>
  xs.length <= max ? joinAnd(xs) : `${xs.slice(0, max).join(', ')} and ${xs.length - max} more`;
export const sumDays = (slips: unknown[]): number => slips.reduce<number>((s, x) => s + (num(obj(x), 'days') ?? 0), 0);
