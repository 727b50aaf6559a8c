/**
 * Product usage messages as Segment and PostHog clients send them, read into one shape (pure, no I/O): the shape,
 * the sources' limits and the user → group mappings a batch states; segment-event.ts and posthog-event.ts read each
 * source. A payload is read whole: one bad message refuses the request, so nothing is half-stored.
 */
export const USAGE_SOURCES = ['segment', 'posthog'] as const;
export type UsageSource = (typeof USAGE_SOURCES)[number];

export const SEGMENT_TYPES = ['track', 'identify', 'group', 'page', 'screen', 'alias'] as const;
export type UsageType = (typeof SEGMENT_TYPES)[number];

/** Segment's limits: one event at most 32 KB, one batch at most 500 KB. */
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_SEGMENT_BATCH_BYTES = 500 * 1024;
/** A PostHog body, compressed or inflated, at most 1 MiB. */
export const MAX_POSTHOG_BODY_BYTES = 1024 * 1024;

export interface UsageMessage {
  source: UsageSource;
  messageId: string;
  type: UsageType;
  event: string | null;
  userId: string | null;
  anonymousId: string | null;
  /** The group this message names (group call, `context.groupId`, traits `company.id`, PostHog `$groups`). */
  groupId: string | null;
  occurredAt: string;
  /** The message's properties (traits for identify and group calls) as JSON text, as stored. */
  properties: string;
  /** The email an identify call gives its user (traits `email`, PostHog `$set.email`), lower-cased. */
  email: string | null;
}

export interface MessageFieldError {
  field: string;
  message: string;
}

export type ReadResult =
  { ok: true; messages: UsageMessage[] } | { ok: false; errors: MessageFieldError[]; count: number };

/**
 * What is known of the byte size of each message as sent, so that checking it against the limit spares
 * serializing each message again: each one's size (`messageSizes`), or one bound for all (the body's size: no
 * message is larger than the body that holds it), or nothing (each is measured).
 */
export type MessageSizes = readonly number[] | { atMost: number } | null | undefined;

/** User → group mappings a batch states, later ones winning: group calls, `context.groupId`, traits, `$groups`. */
export function userGroups(messages: readonly UsageMessage[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of messages) {
    const user = m.userId ?? m.anonymousId;
    // `$groupidentify` carries the group's own traits, not a user's membership.
    if (!user || !m.groupId || (m.source === 'posthog' && m.type === 'group')) continue;
    out.set(user, m.groupId);
  }
  return out;
}

/** Basic-auth user name (Segment's write key), or null. */
export function basicAuthUser(header: string | undefined): string | null {
  if (!header) return null;
  const [kind, value] = header.split(' ', 2);
  if (kind?.toLowerCase() !== 'basic' || !value) return null;
  const decoded = Buffer.from(value.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  return user || null;
}
