/**
 * CRM webhooks: HubSpot's own (v3 signatures) and a generic signed one any CRM can call. Types and pure
 * rules only; `webhook.service.ts` applies events, `signature.ts` checks who sent them.
 */
import type { DealRecord } from '../deal.ts';

/** HubSpot has its own route and signature scheme; every other CRM uses the generic one under its own name. */
export const HUBSPOT = 'hubspot';

/** A generic source's name, as `X-Baton-Source` gives it: lower case letters, digits, `-` and `_`. */
export const SOURCE_NAME = /^[a-z][a-z0-9_-]{1,39}$/;

/** Sources that cannot be a generic webhook's: HubSpot signs differently, `csv` is the import's. */
export const RESERVED_SOURCES: readonly string[] = [HUBSPOT, 'csv'];

/** Why a name cannot be a generic source, or undefined when it can. */
export function sourceNameProblem(name: string): string | undefined {
  if (!SOURCE_NAME.test(name))
    return 'use 2–40 lower-case letters, digits, - or _, starting with a letter (e.g. salesforce)';
  if (name === HUBSPOT) return 'HubSpot signs its own way: point it at /webhooks/hubspot/<workspace> instead';
  if (RESERVED_SOURCES.includes(name)) return `${name} is reserved for imports`;
  return undefined;
}

/** A webhook secret is at least this long. */
export const MIN_SECRET_LENGTH = 16;

/** The stage a deal deleted in its CRM is given; it counts as lost (a deal already in the journey is reopened). */
export const DELETED_STAGE = 'deleted';

/** The stage of a deal Baton learned of before its stage: the next stage change replaces it. */
export const UNKNOWN_STAGE = 'unknown';

/** What a webhook asks of one deal, once its payload is read. */
export type DealCommand =
  /** The whole deal, as an import row carries it (generic `deal.upsert`). */
  | { kind: 'upsert'; record: DealRecord }
  /** One property changed (HubSpot `deal.propertyChange`); a deal not known yet is created around it. */
  | { kind: 'patch'; externalId: string; property: string; patch: Partial<DealRecord> }
  /** The deal exists in the CRM (HubSpot `deal.creation`, which carries no properties). */
  | { kind: 'create'; externalId: string }
  /** The deal was deleted in the CRM. */
  | { kind: 'delete'; externalId: string }
  /** Nothing for Baton to do, and why. */
  | { kind: 'ignore'; reason: string };

/** One event of a delivery, read and checked, ready to apply. */
export interface WebhookEvent {
  /** Unique per event within the source; a retried event repeats it. */
  key: string;
  type: string;
  /** The deal's external id, when the event concerns one. */
  objectId: string | null;
  /** The property a property change sets; null for events about the whole deal. */
  property: string | null;
  /** When it happened in the CRM (ISO-8601); older changes never overwrite newer ones. */
  occurredAt: string;
  command: DealCommand;
}

/** What one delivery did: `received` = `applied` + `duplicates` + `ignored`. */
export interface DeliveryCounts {
  received: number;
  applied: number;
  duplicates: number;
  ignored: number;
}

/** A problem with one field of a delivery's body, e.g. `body.events.2.deal.amount`. */
export interface EventFieldError {
  field: string;
  message: string;
}

/** A webhook secret as the API shows it: never the secret itself. */
export interface SecretState {
  set: boolean;
  /** The last 4 characters, to tell secrets apart. */
  last4: string | null;
  setAt: string | null;
  setBy: string | null;
}

/** One source that may call Baton's webhooks, with its secret state and recent traffic. */
export interface Integration {
  source: string;
  kind: 'hubspot' | 'generic';
  /** Path to append to Baton's public address, e.g. `/webhooks/hubspot/acme`. */
  webhookPath: string;
  secret: SecretState;
  lastEventAt: string | null;
  /** Over the last 7 days: events applied, and deliveries rejected as malformed. */
  last7Days: { applied: number; ignored: number; rejected: number };
}

/** One webhook request that passed its signature check. */
export interface WebhookDelivery {
  id: string;
  source: string;
  receivedAt: string;
  requestId: string | null;
  status: 'accepted' | 'rejected';
  received: number;
  applied: number;
  duplicates: number;
  ignored: number;
  detail: string | null;
}

/** The path a source's CRM calls, relative to Baton's public address. */
export const webhookPath = (source: string, workspaceSlug: string): string =>
  source === HUBSPOT ? `/webhooks/hubspot/${workspaceSlug}` : `/webhooks/crm/${workspaceSlug}`;

/** What Baton shows of a secret. */
export function secretState(
  stored: { last4?: string | undefined; setAt: string; setBy: string } | undefined,
): SecretState {
  if (!stored) return { set: false, last4: null, setAt: null, setBy: null };
  return { set: true, last4: stored.last4 ?? null, setAt: stored.setAt, setBy: stored.setBy };
}

/** Events in the order they happened; events of the same moment keep the order they came in. */
export function inOccurrenceOrder(events: readonly WebhookEvent[]): WebhookEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurredAt === b.e.occurredAt ? a.i - b.i : a.e.occurredAt < b.e.occurredAt ? -1 : 1))
    .map(({ e }) => e);
}
