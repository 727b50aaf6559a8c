/**
 * HubSpot's webhook payload (an array of events) read into deal commands. Pure: no I/O.
 * Each event names one object and, for property changes, one property and its new value.
 */
import { z } from 'zod';
import type { DealRecord } from '../deal.ts';
import { cleanText, parseAmount, parseCurrency, parseDate, type Parsed } from '../import/values.ts';
import type { DealCommand, EventFieldError, WebhookEvent } from './webhook.ts';

const digits = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,30}$/, 'must be a number')])
  .transform(String);

/** One event as HubSpot sends it; fields Baton does not use are let through unread. */
const hubspotEvent = z.looseObject({
  eventId: digits,
  subscriptionId: digits,
  portalId: digits.optional(),
  occurredAt: z.number().int().nonnegative().max(8.64e15),
  subscriptionType: z.string().min(1).max(200),
  objectTypeId: z.string().max(50).optional(),
  objectId: digits.optional(),
  propertyName: z.string().max(500).optional(),
  propertyValue: z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]).optional(),
});
type HubspotEvent = z.infer<typeof hubspotEvent>;

/** HubSpot sends up to 100 events a request; a body is at least one. */
export const hubspotPayload = z.array(hubspotEvent).min(1, 'send at least one event').max(1000);

/** HubSpot's object type id of deals, as the newer `object.*` subscriptions name it. */
const DEAL_OBJECT_TYPE = '0-3';

/** HubSpot stores date-time properties as epoch milliseconds; older payloads may carry ISO dates. */
function hubspotDate(raw: string): Parsed<string | null> {
  const text = raw.trim();
  if (/^-?\d{1,16}$/.test(text)) {
    const d = new Date(Number(text));
    return Number.isNaN(d.getTime()) ? { error: `"${text}" is not a date` } : { value: d.toISOString().slice(0, 10) };
  }
  return parseDate(text);
}

type PropertyReader = (value: string) => Parsed<Partial<DealRecord>>;

const nonEmpty =
  (what: string, build: (v: string) => Partial<DealRecord>): PropertyReader =>
  (value) => {
    const text = cleanText(value);
    return text === null ? { error: `${what} cannot be empty` } : { value: build(text) };
  };

const parsedAs =
  <T>(parse: (raw: string) => Parsed<T>, build: (v: T) => Partial<DealRecord>): PropertyReader =>
  (value) => {
    const r = parse(value);
    return 'error' in r ? r : { value: build(r.value) };
  };

/**
 * The HubSpot deal properties Baton keeps, by internal name. A stage or pipeline change leaves the stage's
 * meaning to the stage mappings (`stageCategory: null`); other changes keep the deal's current meaning.
 */
export const HUBSPOT_PROPERTIES: Readonly<Record<string, PropertyReader>> = {
  dealname: nonEmpty('a deal name', (name) => ({ name })),
  dealstage: nonEmpty('a deal stage', (stage) => ({ stage, stageCategory: null })),
  pipeline: (value) => ({ value: { pipeline: cleanText(value), stageCategory: null } }),
  amount: parsedAs(
    (raw) => parseAmount(raw),
    (a) => ({ amount: a?.amount ?? null }),
  ),
  deal_currency_code: parsedAs(parseCurrency, (currency) => ({ currency })),
  closedate: parsedAs(hubspotDate, (closeDate) => ({ closeDate })),
  createdate: parsedAs(hubspotDate, (createdDate) => ({ createdDate })),
  hubspot_owner_id: (value) => ({ value: { owner: cleanText(value) } }),
};

/**
 * The key that makes a retried event a duplicate. HubSpot does not promise `eventId` is unique on its own,
 * so the subscription, object and time it occurred are part of it; a retry repeats all four.
 */
export const hubspotEventKey = (
  e: Pick<HubspotEvent, 'eventId' | 'subscriptionId' | 'objectId' | 'occurredAt'>,
): string => `${e.eventId}:${e.subscriptionId}:${e.objectId ?? ''}:${e.occurredAt}`;

/** `deal.propertyChange`, or the newer `object.propertyChange` on object type 0-3, as `propertyChange`; undefined for other objects. */
function dealAction(e: HubspotEvent): string | undefined {
  const [object, action] = e.subscriptionType.split('.', 2);
  if (object === 'deal') return action;
  if (object === 'object' && e.objectTypeId === DEAL_OBJECT_TYPE) return action;
  return undefined;
}

function command(e: HubspotEvent, at: string, errors: EventFieldError[]): DealCommand {
  const action = dealAction(e);
  if (action === undefined) return { kind: 'ignore', reason: `${e.subscriptionType} is not a deal event` };
  if (['creation', 'propertyChange', 'deletion'].includes(action) && e.objectId === undefined) {
    errors.push({ field: `${at}.objectId`, message: `a ${e.subscriptionType} event needs the deal's objectId` });
    return { kind: 'ignore', reason: 'malformed' };
  }
  const externalId = e.objectId ?? '';
  switch (action) {
    case 'creation':
      return { kind: 'create', externalId };
    case 'deletion':
      return { kind: 'delete', externalId };
    case 'propertyChange': {
      if (!e.propertyName) {
        errors.push({ field: `${at}.propertyName`, message: 'a property change names its property' });
        return { kind: 'ignore', reason: 'malformed' };
      }
      // The name is the sender's: only the table's own entries count (`constructor`, `toString` are not properties).
      const read = Object.hasOwn(HUBSPOT_PROPERTIES, e.propertyName) ? HUBSPOT_PROPERTIES[e.propertyName] : undefined;
      if (!read) return { kind: 'ignore', reason: `HubSpot property ${e.propertyName} is not one Baton keeps` };
      const value = e.propertyValue === undefined || e.propertyValue === null ? '' : String(e.propertyValue);
      const r = read(value);
      if ('error' in r) {
        errors.push({ field: `${at}.propertyValue`, message: `${e.propertyName}: ${r.error}` });
        return { kind: 'ignore', reason: 'malformed' };
      }
      return { kind: 'patch', externalId, property: e.propertyName, patch: r.value };
    }
    case 'merge':
      return {
        kind: 'ignore',
        reason: 'deals merged in HubSpot: Baton keeps each deal as it was; review them in Deals',
      };
    case 'restore':
      return { kind: 'ignore', reason: 'deal restored in HubSpot: its next property change brings it back' };
    case 'associationChange':
      return {
        kind: 'ignore',
        reason: 'association changes are not tracked; the account is matched by name on import',
      };
    default:
      return { kind: 'ignore', reason: `${e.subscriptionType} is not an event Baton acts on` };
  }
}

/**
 * Reads HubSpot's JSON body (already parsed) into events, or every problem found, each naming its field
 * (`body.2.objectId`). Either all events are good or none is applied.
 */
export function readHubspotEvents(
  body: unknown,
): { ok: true; events: WebhookEvent[] } | { ok: false; errors: EventFieldError[] } {
  const parsed = hubspotPayload.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ field: ['body', ...i.path].join('.'), message: i.message })),
    };
  }
  const errors: EventFieldError[] = [];
  const events = parsed.data.map((e, i): WebhookEvent => {
    const cmd = command(e, `body.${i}`, errors);
    return {
      key: hubspotEventKey(e),
      type: e.subscriptionType,
      objectId: e.objectId ?? null,
      property: cmd.kind === 'patch' ? cmd.property : null,
      occurredAt: new Date(e.occurredAt).toISOString(),
      command: cmd,
    };
  });
  return errors.length ? { ok: false, errors } : { ok: true, events };
}
