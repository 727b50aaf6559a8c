/**
 * A request's messages as one block of bytes (V8's serialization, as threads copy values): a reading thread packs
 * them and hands the block over without a copy, the request thread passes it on unread, and the thread that stores
 * them unpacks it once. Handed over as objects instead, they would be copied object by object twice more on the
 * request thread.
 */
import { deserialize, serialize } from 'node:v8';
import type { UsageMessage } from './usage-event.ts';

export interface PackedMessages {
  count: number;
  bytes: Uint8Array;
}

/** A request's messages: read on this thread, or packed by another. */
export type Messages = UsageMessage[] | PackedMessages;

export function pack(messages: UsageMessage[]): PackedMessages {
  const bytes = serialize(messages);
  // A block of its own, so that it can be handed over (transferred) whole.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
  return { count: messages.length, bytes: own };
}

export const countOf = (messages: Messages): number => (Array.isArray(messages) ? messages.length : messages.count);

export const unpack = (messages: Messages): UsageMessage[] => (Array.isArray(messages) ? messages : (deserialize(messages.bytes) as UsageMessage[]));
