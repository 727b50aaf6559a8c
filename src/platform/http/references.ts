import { z } from 'zod';

/**
 * Ids in request bodies that name a record: each carries the kind of record it names, so one check
 * (`reference-check.ts`) can refuse an id of another workspace, of another partner firm, or of nothing,
 * before a route writes anything. Pure: the kinds, the annotation and the walk over a Zod schema.
 */
/**
 * Kind of record → how an error names it ("no such <label> in this workspace"). The platform declares its own;
 * each module merges in the kinds it owns (`declare module`) and gives their id lookups in its manifest.
 */
export interface ReferenceKinds {
  user: 'member';
  partner: 'partner firm';
}
export type RefKind = keyof ReferenceKinds & string;

/**
 * What an id-like field holds: the kind of Baton record it names, or `external` with the reason it names
 * none (a CRM's own id, an id the client chooses).
 */
export type RefMeta = { ref: RefKind } | { external: string };

/** The annotation: a registry of its own, so it never leaks into the OpenAPI document. Clones inherit it. */
export const references = z.registry<RefMeta>();

/** A body field holding the id of a record of `kind` that the caller's workspace (and partner firm) has. */
export function refId(kind: RefKind, description?: string): z.ZodString {
  const schema = z
    .string()
    .min(1)
    .max(100)
    .describe(description ?? `The id of a ${kind} record of this workspace`);
  references.add(schema, { ref: kind });
  return schema;
}

/** Marks an id-like field that names no Baton record (the reason says what it is instead). */
export function externalId<T extends z.ZodType>(schema: T, reason: string): T {
  references.add(schema, { external: reason });
  return schema;
}

/** One place in a body schema: object keys, with `*` for any array item or record value. */
export interface FieldPath {
  path: string[];
  /** The annotation, or undefined for an unannotated string field. */
  meta: RefMeta | undefined;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'readonly',
  'nonoptional',
  'catch',
  'success',
]);

/** Every annotated field and every unannotated string leaf of a schema, with its path. */
export function fieldsOf(schema: z.ZodType): FieldPath[] {
  const out: FieldPath[] = [];
  const seen = new Set<unknown>();
  const walk = (s: unknown, path: string[]): void => {
    const def = defOf(s);
    if (!def) return;
    const meta = references.get(s as z.ZodType);
    if (meta) {
      out.push({ path, meta });
      return;
    }
    if (WRAPPERS.has(def.type)) return walk(def.innerType, path);
    switch (def.type) {
      case 'object':
        for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) walk(value, [...path, key]);
        return;
      case 'array':
        return walk(def.element, [...path, '*']);
      case 'set':
        return walk(def.valueType, [...path, '*']);
      case 'record':
      case 'map':
        return walk(def.valueType, [...path, '*']);
      case 'tuple':
        for (const item of def.items as unknown[]) walk(item, [...path, '*']);
        if (def.rest) walk(def.rest, [...path, '*']);
        return;
      case 'pipe':
        // A transform's input is the body as sent; a preprocess's schema is its output.
        walk(def.in, path);
        walk(def.out, path);
        return;
      case 'union':
        for (const option of def.options as unknown[]) walk(option, path);
        return;
      case 'intersection':
        walk(def.left, path);
        walk(def.right, path);
        return;
      case 'lazy': {
        if (seen.has(s)) return;
        seen.add(s);
        return walk((def.getter as () => unknown)(), path);
      }
      case 'string':
        out.push({ path, meta: undefined });
        return;
      default:
        return;
    }
  };
  walk(schema, []);
  const unique = new Map<string, FieldPath>();
  for (const f of out) {
    const key = `${f.path.join('.')}|${f.meta ? JSON.stringify(f.meta) : ''}`;
    if (!unique.has(key)) unique.set(key, f);
  }
  return [...unique.values()];
}

/** The fields of a body schema that name records, each with its kind. */
export const referencesOf = (schema: z.ZodType): Array<{ path: string[]; kind: RefKind }> =>
  fieldsOf(schema).flatMap((f) => (f.meta && 'ref' in f.meta ? [{ path: f.path, kind: f.meta.ref }] : []));

/** A field name that reads as an id: `id`, `…Id`, `…Ids`, `…_id`. */
export const looksLikeId = (key: string): boolean => /^ids?$|[a-z0-9](Id|Ids|_id|_ids)$/.test(key);

/** Each value found at a path of a parsed body, with the dotted field name an error gives it. */
export function valuesAt(body: unknown, path: string[]): Array<{ field: string; value: unknown }> {
  let found: Array<{ field: string[]; value: unknown }> = [{ field: [], value: body }];
  for (const step of path) {
    const next: typeof found = [];
    for (const { field, value } of found) {
      if (value === null || typeof value !== 'object') continue;
      if (step === '*') {
        for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value))
          next.push({ field: [...field, String(k)], value: v });
      } else if (step in value) {
        next.push({ field: [...field, step], value: (value as Record<string, unknown>)[step] });
      }
    }
    found = next;
  }
  return found.map((f) => ({ field: f.field.join('.'), value: f.value }));
}
