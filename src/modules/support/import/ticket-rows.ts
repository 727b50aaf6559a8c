/** A help desk export's row → a ticket to store (pure), every problem of the row reported at once. */
import { createHash } from 'node:crypto';
import { FieldReader } from '../../../platform/imports/field-reader.ts';
import type { RowResult } from '../../../platform/imports/map-rows.ts';
import { deletionReason, type FormatProfile } from '../../../platform/imports/profile.ts';
import type { DateOrder } from '../../../platform/imports/values/dates.ts';
import { parseEmail } from '../../../platform/imports/values/emails.ts';
import { parseTimestamp } from '../../../platform/imports/values/timestamps.ts';
import type { TicketCategory } from '../classify/categories.ts';
import { categoryOf, type TicketRecord } from '../ticket.ts';
import type { TicketField } from './ticket-fields.ts';

export interface TicketRowOptions {
  source: string;
  dateOrder?: DateOrder;
  /** The workspace's own category words (`question` → `how_to`), keys as `categoryKey` writes them. */
  aliases: ReadonlyMap<string, TicketCategory>;
  /** Counts category words Baton did not know (the ticket is then labelled by the rules or the model). */
  unknownWord(word: string): void;
  /** Rows of an event log: one status change each, so a row may leave the text to the ticket's other rows. */
  eventLog?: boolean;
}

/** Long texts are cut here: a ticket's first message, not a thread. */
const MAX_TEXT = 20_000;

const lower = (v: string | null | undefined) => (v ? v.toLowerCase().slice(0, 100) : null);

/** The key of a ticket from a file without ids: its creation time and its text, so a re-import finds it. */
export const contentKey = (createdAt: string, subject: string | null, description: string | null): string =>
  `h:${createHash('sha256')
    .update(JSON.stringify([createdAt, subject ?? '', description ?? '']))
    .digest('hex')
    .slice(0, 24)}`;

const splitTags = (raw: string): string[] =>
  [...new Set(raw.split(/[\s,;]+/).map((t) => t.trim().toLowerCase()))].filter(Boolean).slice(0, 50);

export function ticketRowMapper(
  profile: FormatProfile<TicketField>,
  options: TicketRowOptions,
): (values: Record<string, string>, row: number) => RowResult<TicketRecord> {
  return (values, row) => {
    const r = new FieldReader(values, row, profile, undefined);
    const deleted = deletionReason(r.cells, profile, row, r.errors);
    if (deleted) return { ok: false, skipped: true, reason: deleted };
    const time = (raw: string) => parseTimestamp(raw, options.dateOrder);
    const subject = r.text('subject')?.slice(0, 500) ?? null;
    const descriptionCell = r.cell('description');
    const description = descriptionCell?.raw.trim() ? descriptionCell.raw.trim().slice(0, MAX_TEXT) : null;
    if (!subject && !description && !options.eventLog)
      r.fail('subject', 'required: a ticket needs a subject or a description');
    const createdAt = r.required('created_at', r.parsed('created_at', time));
    const firstResponseAt = r.parsed('first_response_at', time) ?? null;
    const solvedAt = r.parsed('solved_at', time) ?? null;
    // An event log's time feeds created_at and updated_at: a bad one is reported once.
    const atFailed = options.eventLog && r.errors.some((e) => e.field === 'created_at');
    const updatedAt = atFailed ? null : (r.parsed('updated_at', time) ?? null);
    if (!options.eventLog && createdAt && solvedAt && solvedAt < createdAt)
      r.fail('solved_at', `${solvedAt} is before the ticket was opened, ${createdAt}`);
    if (!options.eventLog && createdAt && firstResponseAt && firstResponseAt < createdAt)
      r.fail('first_response_at', `${firstResponseAt} is before the ticket was opened, ${createdAt}`);
    const idCell = r.cell('external_id');
    const externalId = idCell ? r.required('external_id', r.text('external_id')) : null;
    const email = r.parsed('requester_email', parseEmail) ?? null;
    const word = r.text('category');
    let category: TicketCategory | null = null;
    if (word) {
      const read = categoryOf(word, options.aliases);
      if (read === undefined) options.unknownWord(word);
      else category = read;
    }
    if (r.errors.length > 0) return { ok: false, errors: r.errors };
    return {
      ok: true,
      record: {
        source: options.source,
        externalId: (externalId || contentKey(createdAt, subject, description)).slice(0, 200),
        subject,
        description,
        status: lower(r.text('status')),
        priority: lower(r.text('priority')),
        category,
        channel: lower(r.text('channel')),
        requesterEmail: email,
        organization: r.text('organization')?.slice(0, 200) ?? null,
        accountExternalId: r.text('account_external_id')?.slice(0, 200) ?? null,
        assignee: r.text('assignee')?.slice(0, 200) ?? null,
        tags: splitTags(r.cell('tags')?.raw ?? ''),
        createdAt,
        firstResponseAt,
        solvedAt,
        satisfaction: r.text('satisfaction')?.slice(0, 40) ?? null,
        updatedAt,
      },
    };
  };
}
