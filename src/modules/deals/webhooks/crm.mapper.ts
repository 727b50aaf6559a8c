/**
 * The generic CRM webhook's body read into deal commands. Pure: no I/O. A deal is written with Baton's
 * documented deal fields (DEAL_FIELDS), read by the same rules as an import row, so a webhook and an import
 * of the same deal agree.
 */
import { z } from 'zod';
import type { DealSource } from '../deal.ts';
import { DEAL_FIELDS, mapperFor, type RowMapper } from '../import/index.ts';
import type { DealCommand, EventFieldError, WebhookEvent } from './webhook.ts';

export const CRM_EVENT_TYPES = ['deal.upsert', 'deal.delete'] as const;

const scalar = z.union([z.string().max(10_000), z.number().finite(), z.boolean(), z.null()]);
const fieldNames = (): string[] => DEAL_FIELDS.map((f) => f.name);

/** Only documented field names: a misspelt one is an error, never silently dropped. */
const dealShape = () =>
  z.strictObject(
    Object.fromEntries(
      fieldNames().map((name) => [
        name,
        name === 'product' ? z.union([scalar, z.array(z.string().max(500)).max(200)]).optional() : scalar.optional(),
      ]),
    ),
  );

const crmEvent = () =>
  z.object({
    id: z.union([z.string().trim().min(1).max(200), z.number().int().nonnegative().transform(String)]),
    type: z.enum(CRM_EVENT_TYPES),
    occurredAt: z.iso.datetime({ offset: true }),
    deal: dealShape(),
  });

/** The JSON shapes accepted: `{ "events": [ … ] }`, or one event object on its own. */
export const crmPayloadSchema = () =>
  z.object({ events: z.array(crmEvent()).min(1, 'send at least one event').max(1000) });
export const crmEventSchema = crmEvent;

type CrmEvent = z.infer<ReturnType<typeof crmEvent>>;

/** Zod's issues as field errors; an unknown deal field is named itself, with the fields there are. */
function issueErrors(issue: z.core.$ZodIssue): EventFieldError[] {
  const at = ['body', ...issue.path.map(String)].join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      field: `${at}.${key}`,
      message: `not a deal field; use ${fieldNames().join(', ')}`,
    }));
  }
  return [{ field: at, message: issue.message }];
}

/** A JSON value as the text an import cell would hold. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  return String(v);
}

const REQUIRED_FOR_UPSERT = ['external_id', 'name', 'stage'];

function command(
  e: CrmEvent,
  source: string,
  map: RowMapper,
  at: string,
  row: number,
  errors: EventFieldError[],
): DealCommand {
  const deal = e.deal as Record<string, unknown>;
  const externalId = cellText(deal.external_id).trim();
  if (e.type === 'deal.delete') {
    if (!externalId)
      errors.push({ field: `${at}.deal.external_id`, message: "a deal.delete names the deal's external_id" });
    return { kind: 'delete', externalId };
  }
  const missing = REQUIRED_FOR_UPSERT.filter((f) => !cellText(deal[f]).trim());
  for (const f of missing) errors.push({ field: `${at}.deal.${f}`, message: 'required for deal.upsert' });
  if (missing.length) return { kind: 'ignore', reason: 'malformed' };
  const values = Object.fromEntries(fieldNames().map((f) => [f, cellText(deal[f])]));
  const mapped = map(values, row);
  if (!mapped.ok) {
    if ('errors' in mapped) {
      for (const err of mapped.errors)
        errors.push({ field: `${at}.deal.${err.field}`, message: err.reason.replace(/^column "[^"]*":\s*/, '') });
    }
    return { kind: 'ignore', reason: 'malformed' };
  }
  // deals.source is open text: DEAL_SOURCES lists the sources Baton has readers for, a webhook may add others.
  return { kind: 'upsert', record: { ...mapped.record, source: source as DealSource } };
}

/**
 * Reads a generic CRM webhook body (already parsed JSON) for `source` into events, or every problem found,
 * each naming its field (`body.events.1.deal.amount`). Either all events are good or none is applied.
 */
export function readCrmEvents(
  source: string,
  body: unknown,
): { ok: true; events: WebhookEvent[] } | { ok: false; errors: EventFieldError[] } {
  const single = typeof body === 'object' && body !== null && !Array.isArray(body) && !('events' in body);
  const parsed = single ? crmEvent().safeParse(body) : crmPayloadSchema().safeParse(body);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap(issueErrors) };
  const list: CrmEvent[] = 'events' in parsed.data ? parsed.data.events : [parsed.data];
  const errors: EventFieldError[] = [];
  const map = mapperFor('mapped', { mapping: Object.fromEntries(fieldNames().map((f) => [f, f])) });
  const events = list.map((e, i): WebhookEvent => {
    const at = single ? 'body' : `body.events.${i}`;
    const cmd = command(e, source, map, at, i + 1, errors);
    return {
      key: e.id,
      type: e.type,
      objectId: cmd.kind === 'upsert' ? cmd.record.externalId : cmd.kind === 'delete' ? cmd.externalId : null,
      property: null,
      occurredAt: new Date(e.occurredAt).toISOString(),
      command: cmd,
    };
  });
  return errors.length ? { ok: false, errors } : { ok: true, events };
}
