/** PostHog's events (`/batch/`, `/capture/`, `/e/`) read into usage messages (pure, no I/O). */
import {
  byteLength,
  contentId,
  emailOf,
  fail,
  idOf,
  isObject,
  occurredAtOf,
  type Place,
  type Receipt,
  receiptOf,
  refused,
  sizeOf,
} from './message-fields.ts';
import {
  MAX_EVENT_BYTES,
  type MessageFieldError,
  type MessageSizes,
  type ReadResult,
  type UsageMessage,
  type UsageType,
} from './usage-event.ts';

/** PostHog's own events and the calls they are; any other name (`constructor` too: a Map, not an object) is a track call. */
const POSTHOG_TYPES = new Map<string, UsageType>([
  ['$identify', 'identify'],
  ['$groupidentify', 'group'],
  ['$pageview', 'page'],
  ['$screen', 'screen'],
  ['$create_alias', 'alias'],
]);

/** The group of PostHog `$groups`: its `company` (or `organization`) key, else its first key. */
function groupOfPosthog(groups: unknown): string | null {
  if (!isObject(groups)) return null;
  return idOf(groups.company) ?? idOf(groups.organization) ?? idOf(Object.values(groups)[0]);
}

function posthogMessage(
  item: unknown,
  place: Place,
  receipt: Receipt,
  size: number | undefined,
): { message?: UsageMessage; errors: MessageFieldError[] } {
  const errors: MessageFieldError[] = [];
  if (!isObject(item)) return refused(place, 'must be an object');
  if ((size ?? byteLength(item)) > MAX_EVENT_BYTES)
    return refused(place, `is larger than ${MAX_EVENT_BYTES / 1024} KB`);
  const event = item.event;
  if (typeof event !== 'string' || !idOf(event)) fail(errors, place, 'event', 'name the event');
  const properties = item.properties ?? {};
  if (!isObject(properties)) fail(errors, place, 'properties', 'must be an object');
  const props = isObject(properties) ? properties : {};
  const distinctId = idOf(item.distinct_id) ?? idOf(props.distinct_id);
  if (!distinctId) fail(errors, place, 'distinct_id', 'give the distinct_id of the user');
  const occurredAt = occurredAtOf(item.timestamp, receipt);
  if (!occurredAt) fail(errors, place, 'timestamp', 'must be an ISO-8601 date-time');
  const messageId = item.uuid === undefined || item.uuid === null ? contentId(item) : idOf(item.uuid);
  if (!messageId) fail(errors, place, 'uuid', 'must be a non-empty string');
  if (errors.length > 0) return { errors };
  const name = idOf(event) ?? '';
  const type = POSTHOG_TYPES.get(name) ?? 'track';
  // `$groupidentify` describes a group itself; every other event names its user's groups in `$groups`.
  const groupId =
    type === 'group' ? (idOf(props.$group_key) ?? groupOfPosthog(props.$groups)) : groupOfPosthog(props.$groups);
  return {
    errors,
    message: {
      source: 'posthog',
      messageId: messageId as string,
      type,
      event: name,
      userId: distinctId,
      anonymousId: null,
      groupId,
      occurredAt: occurredAt as string,
      properties: JSON.stringify(props),
      email: type === 'identify' ? emailOf(props) : null,
    },
  };
}

/**
 * Reads a PostHog body: `{ api_key, batch: [...] }`, one event `{ api_key, event, properties, distinct_id }`,
 * or a bare list of events (each with `properties.token` or `api_key`). `sizes` as for `readSegment`.
 */
export function readPosthog(body: unknown, now: string, sizes?: MessageSizes): ReadResult & { apiKey: string | null } {
  const list = Array.isArray(body)
    ? body
    : isObject(body)
      ? Array.isArray(body.batch)
        ? body.batch
        : [body]
      : undefined;
  if (!list)
    return { ok: false, count: 0, apiKey: null, errors: [{ field: 'body', message: 'must be a JSON object or list' }] };
  const first = list[0];
  const apiKey =
    (isObject(body) && typeof body.api_key === 'string' ? body.api_key : null) ??
    (isObject(first) && typeof first.api_key === 'string' ? first.api_key : null) ??
    (isObject(first) && isObject(first.properties) && typeof first.properties.token === 'string'
      ? first.properties.token
      : null);
  const sentAt = isObject(body) ? body.sent_at : undefined;
  const base = Array.isArray(body) ? 'body' : isObject(body) && Array.isArray(body.batch) ? 'body.batch' : null;
  const messages: UsageMessage[] = [];
  const errors: MessageFieldError[] = [];
  const receipt = receiptOf(now, sentAt);
  const place: Place = { base: base ?? 'body', index: base ? 0 : null };
  list.forEach((item, i) => {
    if (base) place.index = i;
    const one = posthogMessage(item, place, receipt, sizeOf(sizes, i, list.length));
    if (one.message) messages.push(one.message);
    errors.push(...one.errors);
  });
  return errors.length > 0 ? { ok: false, count: list.length, apiKey, errors } : { ok: true, apiKey, messages };
}
