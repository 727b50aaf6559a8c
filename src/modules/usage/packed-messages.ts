/**
 * A request's messages as one block of bytes (JSON, UTF-8): a reading thread packs them and hands the block over
 * without a copy, the request thread passes it on unread, and the thread that stores them unpacks it once. Handed
 * over as objects instead, they would be copied object by object twice more on the request thread. (Messages
 * hold only strings and nulls, so JSON keeps them whole; it packs and unpacks in half the time V8's
 * serialization takes.)
 */
import type { UsageMessage } from './usage-event.ts';

export interface PackedMessages {
  count: number;
  bytes: Uint8Array;
}

/** A request's messages: read on this thread, or packed by another. */
export type Messages = UsageMessage[] | PackedMessages;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Packs messages into a block of their own (`bytes.buffer` is theirs alone, so it can be handed over whole). */
export const pack = (messages: UsageMessage[]): PackedMessages => ({ count: messages.length, bytes: encoder.encode(JSON.stringify(messages)) });

export const countOf = (messages: Messages): number => (Array.isArray(messages) ? messages.length : messages.count);

export const unpack = (messages: Messages): UsageMessage[] => (Array.isArray(messages) ? messages : (JSON.parse(decoder.decode(messages.bytes)) as UsageMessage[]));
