/**
 * An ingest request as it waits to be stored (pure): its messages as read, perhaps still packed by the thread that
 * read them. The writer queues these, the write thread receives them, and either unpacks them where it stores.
 */
import type { IngestRequest } from './ingest-group.service.ts';
import { type Messages, unpack } from './packed-messages.ts';

export interface QueuedRequest extends Omit<IngestRequest, 'messages'> {
  messages: Messages;
}

/** The request with its messages as objects, to store on this thread. */
export const unpacked = (r: QueuedRequest): IngestRequest => ({ ...r, messages: unpack(r.messages) });
