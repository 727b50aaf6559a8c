/** How an upload route reads an import request from its query string: the options its kind takes, and no others. */
import { z } from 'zod';
import { findBadText, nestsDeeperThan, tooDeepMessage } from '../http/json-input.ts';
import { takesOf } from './import-file.ts';
import type { CommonOption, Importer, ImportOptionDoc, ImportRequest, OptionNamer } from './importer.ts';

/** A query parameter carrying JSON (a mapping, aliases …), checked against `schema`. */
const json = <T extends z.ZodType>(schema: T, example: string) =>
  z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      if (nestsDeeperThan(text)) {
        ctx.addIssue({ code: 'custom', message: tooDeepMessage() });
        return z.NEVER;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: `is not JSON; send e.g. ${example}` });
        return z.NEVER;
      }
      // The escape \u0000 in the JSON text is a NUL once parsed: refused like one written in the query itself.
      const bad = findBadText(value, '');
      if (bad) {
        ctx.addIssue({ code: 'custom', message: `${bad.field.slice(1) || 'the value'} ${bad.message}` });
        return z.NEVER;
      }
      return value;
    })
    .pipe(schema)
    .optional();

const names = z.record(z.string().max(200), z.string().max(200));

const listed = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? '');

/** Each common option's query parameter, as a kind reading it takes it. */
const COMMON: Record<CommonOption, (importer: Importer) => z.ZodType> = {
  format: (importer) =>
    z
      .string()
      .max(40)
      .optional()
      .describe(
        importer.detect
          ? `${listed(importer.formats)}; detected from the header when left out`
          : `${listed(importer.formats)}`,
      ),
  mapping: () =>
    json(
      z.record(z.string().max(200), z.union([z.string().max(200), z.array(z.string().max(200)).min(1).max(50)])),
      '{"Company":"name"}',
    ).describe(
      'JSON: column → field, for the mapped format; a column feeding several fields names them in a list: {"Opportunity ID":["external_id","name"]}',
    ),
  columns: () =>
    json(names, '{"segment":"Tier__c"}').describe("JSON: field → column, replacing a named format's own column"),
  aliases: () =>
    json(z.record(z.string().max(50), names), '{"segment":{"Mid-Market":"mid_market"}}').describe(
      'JSON: per field, spelling → canonical value',
    ),
  defaults: () =>
    json(names, '{"segment":"smb"}').describe('JSON: per field, the value new records take when their row names none'),
  dateOrder: () => z.enum(['mdy', 'dmy']).optional().describe('Order of dates like 03/04/24'),
  decimal: () => z.enum(['.', ',']).optional().describe('Deals: decimal separator of amounts'),
  currency: () => z.string().max(10).optional().describe('Deals: currency of rows that name none'),
};

/** A kind's own option as a query parameter. */
function ownOption(doc: ImportOptionDoc): z.ZodType {
  let text = z
    .string()
    .trim()
    .min(1)
    .max(doc.maxLength ?? 200);
  if (doc.pattern) text = text.regex(doc.pattern);
  return text.optional().describe(doc.default ? `${doc.description} (${doc.default} by default)` : doc.description);
}

/** The query parameters of a kind's preview and upload: the common options it takes, then its own. */
export function requestQueryOf(importer: Importer) {
  const shape: Record<string, z.ZodType> = {};
  for (const option of takesOf(importer)) shape[option] = COMMON[option](importer);
  for (const doc of importer.options ?? []) shape[doc.name] = ownOption(doc);
  return z.object(shape);
}

/** The request a parsed query string makes, the kind's own options gathered apart. */
export function requestOf(importer: Importer, query: Record<string, unknown>): ImportRequest {
  const own = new Set((importer.options ?? []).map((o) => o.name));
  const request: Record<string, unknown> = {};
  const options: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (own.has(key)) options[key] = String(value);
    else request[key] = value;
  }
  return { ...(request as ImportRequest), ...(Object.keys(options).length ? { options } : {}) };
}

/** Problems are named as the query parameter they came from. */
export const inQuery: OptionNamer = (option) => `querystring.${option}`;
