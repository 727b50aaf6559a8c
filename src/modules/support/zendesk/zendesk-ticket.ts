/**
 * Zendesk's ticket objects → tickets to store (pure): the ticket of a legacy trigger's JSON body (`{ticket: …}`),
 * the `detail` of an event subscription (`{type: "zen:event-type:ticket.created", detail: …}`) and the tickets of
 * an Incremental Export page (`{tickets: […], end_time, next_page}`, with `metric_sets` where asked for).
 */
import { parseTimestamp } from '../../../platform/imports/values/timestamps.ts';
import { categoryOf, type TicketRecord } from '../ticket.ts';

export type ZendeskRead = { ok: true; record: TicketRecord } | { ok: false; field: string; message: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

/** A text value (numbers as text, as Zendesk's ids come), cut to `max`; null when blank or absent. */
function text(v: unknown, max = 500): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t ? t.slice(0, max) : null;
}

const lower = (v: unknown) => text(v, 100)?.toLowerCase() ?? null;

function time(v: unknown): string | null {
  const raw = text(v, 100);
  if (!raw) return null;
  const parsed = parseTimestamp(raw);
  return 'value' in parsed ? parsed.value : null;
}

function tagsOf(v: unknown): string[] {
  const words = Array.isArray(v)
    ? v.filter((t): t is string => typeof t === 'string')
    : (text(v, 5000) ?? '').split(/[\s,]+/);
  return [...new Set(words.map((t) => t.trim().toLowerCase()).filter(Boolean))].slice(0, 50);
}

/** What Zendesk's ticket metrics add: the first reply's time from `reply_time_in_minutes.calendar`, the solve. */
export interface ZendeskMetrics {
  replyMinutes: number | null;
  solvedAt: string | null;
}

export function metricsOf(v: unknown): ZendeskMetrics | undefined {
  if (!isObj(v)) return undefined;
  const reply = own(v, 'reply_time_in_minutes');
  const minutes = isObj(reply) ? own(reply, 'calendar') : undefined;
  return {
    replyMinutes: typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0 ? minutes : null,
    solvedAt: time(own(v, 'solved_at')),
  };
}

/** One Zendesk ticket object (a webhook's, an export's) as a ticket, or the field that makes it none. */
export function readZendeskTicket(ticket: unknown, field: string, metrics?: ZendeskMetrics): ZendeskRead {
  if (!isObj(ticket)) return { ok: false, field, message: 'must be a Zendesk ticket object' };
  const id = text(own(ticket, 'id'), 200);
  if (!id) return { ok: false, field: `${field}.id`, message: 'required: the ticket’s id' };
  const createdAt = time(own(ticket, 'created_at'));
  if (!createdAt) return { ok: false, field: `${field}.created_at`, message: 'required: a timestamp' };
  const subject = text(own(ticket, 'subject'));
  const description = text(own(ticket, 'description'), 20_000);
  if (!subject && !description)
    return { ok: false, field: `${field}.subject`, message: 'required: a ticket needs a subject or a description' };
  const requester = own(ticket, 'requester');
  const organization = own(ticket, 'organization');
  const via = own(ticket, 'via');
  const rating = own(ticket, 'satisfaction_rating');
  const email =
    text(own(ticket, 'requester_email'), 320) ?? (isObj(requester) ? text(own(requester, 'email'), 320) : null);
  const word = text(own(ticket, 'type'), 100);
  const replyAt =
    metrics?.replyMinutes != null
      ? new Date(Date.parse(createdAt) + Math.round(metrics.replyMinutes * 60_000)).toISOString()
      : null;
  const status = lower(own(ticket, 'status'));
  return {
    ok: true,
    record: {
      source: 'zendesk',
      externalId: id,
      subject,
      description,
      status,
      priority: lower(own(ticket, 'priority')),
      category: word ? (categoryOf(word) ?? null) : null,
      channel: isObj(via) ? lower(own(via, 'channel')) : lower(own(ticket, 'channel')),
      requesterEmail: email?.includes('@') ? email.toLowerCase() : null,
      organization: isObj(organization) ? text(own(organization, 'name'), 200) : text(organization, 200),
      accountExternalId:
        text(own(ticket, 'organization_external_id'), 200) ?? text(own(ticket, 'organization_id'), 200),
      assignee: text(own(ticket, 'assignee_email'), 200) ?? text(own(ticket, 'assignee_id'), 200),
      tags: tagsOf(own(ticket, 'tags')),
      createdAt,
      firstResponseAt: replyAt,
      solvedAt: metrics?.solvedAt ?? time(own(ticket, 'solved_at')),
      satisfaction: isObj(rating) ? text(own(rating, 'score'), 40) : text(rating, 40),
      updatedAt: time(own(ticket, 'updated_at')),
    },
  };
}

/** A webhook's body: the event's id (event subscriptions carry one) and its ticket, or what is wrong with it. */
export type ZendeskWebhookRead =
  | { ok: true; eventId: string | null; eventType: string; record: TicketRecord }
  | { ok: false; field: string; message: string };

export function readZendeskWebhook(body: unknown): ZendeskWebhookRead {
  if (!isObj(body)) return { ok: false, field: 'body', message: 'must be a JSON object' };
  const detail = own(body, 'detail');
  const type = text(own(body, 'type'), 200);
  if (isObj(detail)) {
    if (type && !type.startsWith('zen:event-type:ticket.'))
      return { ok: false, field: 'body.type', message: `"${type}" is not a ticket event` };
    const read = readZendeskTicket(detail, 'body.detail');
    return read.ok
      ? { ok: true, eventId: text(own(body, 'id'), 200), eventType: type ?? 'ticket', record: read.record }
      : read;
  }
  const ticket = own(body, 'ticket');
  if (!isObj(ticket))
    return { ok: false, field: 'body', message: 'must carry a ticket (a trigger’s "ticket" or an event’s "detail")' };
  const read = readZendeskTicket(ticket, 'body.ticket');
  return read.ok ? { ok: true, eventId: null, eventType: 'trigger', record: read.record } : read;
}

/** Whether a parsed JSON value is a page of Zendesk's Incremental Export (`{tickets: [...]}`). */
export const isExportPage = (v: unknown): v is Obj => isObj(v) && Array.isArray(own(v, 'tickets'));

/** A page's tickets with their metrics (from `metric_sets` by `ticket_id`, or each ticket's own `metric_set`). */
export function exportPageTickets(page: Obj): Array<{ ticket: unknown; metrics?: ZendeskMetrics }> {
  const sets = new Map<string, ZendeskMetrics>();
  const metricSets = own(page, 'metric_sets') ?? own(page, 'ticket_metrics');
  if (Array.isArray(metricSets))
    for (const m of metricSets) {
      const id = isObj(m) ? text(own(m, 'ticket_id'), 200) : null;
      const metrics = metricsOf(m);
      if (id && metrics) sets.set(id, metrics);
    }
  return (own(page, 'tickets') as unknown[]).map((ticket) => {
    const id = isObj(ticket) ? text(own(ticket, 'id'), 200) : null;
    const metrics =
      (id ? sets.get(id) : undefined) ?? (isObj(ticket) ? metricsOf(own(ticket, 'metric_set')) : undefined);
    return { ticket, metrics };
  });
}
