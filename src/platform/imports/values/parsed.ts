/** What every value parser returns: the value, or a reason a person can act on. */
export type Parsed<T> = { value: T } | { error: string };

export const ok = <T>(value: T): Parsed<T> => ({ value });
export const fail = <T = never>(error: string): Parsed<T> => ({ error });
