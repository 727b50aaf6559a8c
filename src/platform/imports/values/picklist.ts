import { fail, ok, type Parsed } from './parsed.ts';

/** Spelling → canonical value, e.g. `{ 'Mid-Market': 'mid_market', Strategic: 'enterprise' }`. */
export type Aliases = Readonly<Record<string, string>>;

/** Letters and digits only, lower case: `Mid-Market`, `mid market` and `MID_MARKET` are one key. */
export const picklistKey = (value: string): string =>
  value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * A closed list of values (segments, lifecycle phases, roles …). A value reads when it is one of them in any
 * spelling of case, spaces and punctuation, a built-in label, or a spelling the user aliased; anything else
 * is an error naming the choices. Never a guess.
 */
export class Picklist<T extends string> {
  readonly #builtIn = new Map<string, T>();

  constructor(
    /** What a value is, for messages: "segment", "contact role". */
    readonly label: string,
    readonly values: readonly T[],
    labels: Readonly<Record<string, T>> = {},
  ) {
    for (const v of values) this.#builtIn.set(picklistKey(v), v);
    for (const [spelling, v] of Object.entries(labels)) this.#builtIn.set(picklistKey(spelling), v);
  }

  isValue(value: string): value is T {
    return (this.values as readonly string[]).includes(value);
  }

  /** Aliases whose target is not a value of the list. */
  aliasProblems(field: string, aliases: Aliases): string[] {
    return Object.entries(aliases)
      .filter(([, target]) => !this.isValue(target.trim()))
      .map(
        ([spelling, target]) =>
          `aliases.${field}: "${spelling}" is given as "${target}", which is not a ${this.label} (${this.values.join(', ')})`,
      );
  }

  /** A parser for cells of this list, with the user's aliases applied first; blank gives null. */
  reader(field: string, aliases: Aliases = {}): (raw: string) => Parsed<T | null> {
    const lookup = new Map(this.#builtIn);
    for (const [spelling, target] of Object.entries(aliases)) {
      if (this.isValue(target.trim())) lookup.set(picklistKey(spelling), target.trim() as T);
    }
    return (raw) => {
      const text = raw.replace(/\s+/g, ' ').trim();
      if (text === '') return ok(null);
      const value = lookup.get(picklistKey(text));
      if (value !== undefined) return ok(value);
      return fail(
        `"${text}" is not a ${this.label} (${this.values.join(', ')}); name its meaning with an alias, e.g. ${field}:"${text}"=${this.values[0]}`,
      );
    };
  }
}
