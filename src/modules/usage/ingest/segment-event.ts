/** Segment's messages (`/v1/batch`, `/v1/track` and the others) read into usage messages (pure, no I/O). */
import {
  byteLength,
  contentId,
  emailOf,
  fail,
  groupOfTraits,
  idOf,
  isObject,
  occurredAtOf,
  type Place,
  type Receipt,
  receiptOf,
  receiptOfMessage,
  refused,
  sizeOf,
} from './message-fields.ts';
import {
  MAX_EVENT_BYTES,
  type MessageFieldError,
  type MessageSizes,
  type ReadResult,
  SEGMENT_TYPES,
  type UsageMessage,
  type UsageType,
} from './usage-event.ts';

function segmentMessage(
  item: unknown,
  place: Place,
  implied: UsageType | undefined,
  receipt: Receipt,
  size: number | undefined,
): { message?: UsageMessage; errors: MessageFieldError[] } {
  const errors: MessageFieldError[] = [];
  if (!isObject(item)) return refused(place, 'must be an object');
  if ((size ?? byteLength(item)) > MAX_EVENT_BYTES)
    return refused(place, `is larger than ${MAX_EVENT_BYTES / 1024} KB`);
  const type = (item.type ?? implied) as string | undefined;
  if (typeof type !== 'string' || !(SEGMENT_TYPES as readonly string[]).includes(type)) {
    fail(errors, place, 'type', `must be one of ${SEGMENT_TYPES.join(', ')}`);
  } else if (implied && type !== implied) fail(errors, place, 'type', `must be ${implied} on this endpoint`);
  const userId = idOf(item.userId);
  const anonymousId = idOf(item.anonymousId);
  if (!userId && !anonymousId) fail(errors, place, 'userId', 'give a userId or an anonymousId');
  const event = type === 'track' ? item.event : type === 'page' || type === 'screen' ? (item.name ?? null) : null;
  if (type === 'track' && (typeof event !== 'string' || !idOf(event)))
    fail(errors, place, 'event', 'a track call names its event');
  if (event !== null && event !== undefined && typeof event !== 'string') fail(errors, place, 'name', 'must be text');
  const context = item.context;
  if (context !== undefined && context !== null && !isObject(context))
    fail(errors, place, 'context', 'must be an object');
  const properties = type === 'identify' || type === 'group' ? item.traits : item.properties;
  if (properties !== undefined && properties !== null && !isObject(properties))
    fail(errors, place, type === 'identify' || type === 'group' ? 'traits' : 'properties', 'must be an object');
  const groupIdOfCall = type === 'group' ? idOf(item.groupId) : null;
  if (type === 'group' && !groupIdOfCall) fail(errors, place, 'groupId', 'a group call names its group');
  // A message's own timestamp corrected by its sentAt (else its batch's), else the receipt time.
  const occurredAt = occurredAtOf(item.timestamp, receiptOfMessage(item, receipt));
  if (!occurredAt) fail(errors, place, 'timestamp', 'must be an ISO-8601 date-time');
  const messageId = item.messageId === undefined || item.messageId === null ? contentId(item) : idOf(item.messageId);
  if (!messageId) fail(errors, place, 'messageId', 'must be a non-empty string');
  if (errors.length > 0) return { errors };
  const ctx = isObject(context) ? context : {};
  const groupId =
    groupIdOfCall ??
    idOf(ctx.groupId) ??
    groupOfTraits(type === 'identify' ? item.traits : undefined) ??
    groupOfTraits(ctx.traits);
  return {
    errors,
    message: {
      source: 'segment',
      messageId: messageId as string,
      type: type as UsageType,
      event: typeof event === 'string' ? (idOf(event) ?? null) : null,
      userId,
      anonymousId,
      groupId,
      occurredAt: occurredAt as string,
      properties: isObject(properties) ? JSON.stringify(properties) : '{}',
      email: type === 'identify' ? emailOf(properties) : null,
    },
  };
}

/**
 * Reads a Segment body: `{ batch: [...] }` for `/v1/batch`, or one message for `/v1/track` and the others
 * (`implied` is the endpoint's type). Fields are named as `body.batch.3.event`.
 */
export function readSegment(body: unknown, now: string, implied?: UsageType, sizes?: MessageSizes): ReadResult {
  if (!isObject(body)) return { ok: false, count: 0, errors: [{ field: 'body', message: 'must be a JSON object' }] };
  if (implied) {
    const one = segmentMessage(
      body,
      { base: 'body', index: null },
      implied,
      receiptOf(now, undefined),
      sizeOf(sizes, 0, 1),
    );
    return one.message ? { ok: true, messages: [one.message] } : { ok: false, count: 1, errors: one.errors };
  }
  const batch = body.batch;
  if (!Array.isArray(batch))
    return { ok: false, count: 0, errors: [{ field: 'body.batch', message: 'must be a list of messages' }] };
  const messages: UsageMessage[] = [];
  const errors: MessageFieldError[] = [];
  const receipt = receiptOf(now, body.sentAt);
  const place: Place = { base: 'body.batch', index: 0 };
  batch.forEach((item, i) => {
    place.index = i;
    const one = segmentMessage(item, place, undefined, receipt, sizeOf(sizes, i, batch.length));
    if (one.message) messages.push(one.message);
    errors.push(...one.errors);
  });
  return errors.length > 0 ? { ok: false, count: batch.length, errors } : { ok: true, messages };
}

/** The write key of a Segment body (clients send it in the body as well as in Basic auth). */
export const segmentWriteKey = (body: unknown): string | null =>
  isObject(body) && typeof body.writeKey === 'string' ? body.writeKey : null;
