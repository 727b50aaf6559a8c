/** A CRM activity's row → a touch to record (pure): its kind read from the words CRMs use, its people by id or email. */
import { FieldReader } from '../../../platform/imports/field-reader.ts';
import type { RowResult } from '../../../platform/imports/map-rows.ts';
import { columnsFor, deletionReason, type FormatProfile } from '../../../platform/imports/profile.ts';
import type { DateOrder } from '../../../platform/imports/values/dates.ts';
import { parseTimestamp } from '../../../platform/imports/values/timestamps.ts';
import { splitList } from '../../../platform/imports/values/text.ts';
import { type Direction, emailsIn, type TouchKind, type TouchRecord } from '../touch.ts';
import type { TouchField } from './touch-profiles.ts';

const key = (raw: string) =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The words CRMs write for an activity's kind; `null`: an activity that is no touch (a to-do, a note). */
const KIND_WORDS = new Map<string, { kind: TouchKind | null; direction?: Direction }>([
  ['meeting', { kind: 'meeting' }],
  ['meetings', { kind: 'meeting' }],
  ['event', { kind: 'meeting' }],
  ['video_call', { kind: 'meeting' }],
  ['demo', { kind: 'meeting' }],
  ['call', { kind: 'call' }],
  ['calls', { kind: 'call' }],
  ['phone', { kind: 'call' }],
  ['phone_call', { kind: 'call' }],
  ['logged_call', { kind: 'call' }],
  ['email', { kind: 'email' }],
  ['emails', { kind: 'email' }],
  ['listemail', { kind: 'email', direction: 'outbound' }],
  ['list_email', { kind: 'email', direction: 'outbound' }],
  ['sales_email', { kind: 'email', direction: 'outbound' }],
  ['email_sent', { kind: 'email', direction: 'outbound' }],
  ['incoming_email', { kind: 'email', direction: 'inbound' }],
  ['email_received', { kind: 'email', direction: 'inbound' }],
  ['forwarded_email', { kind: 'email', direction: 'outbound' }],
  ['task', { kind: null }],
  ['to_do', { kind: null }],
  ['todo', { kind: null }],
  ['note', { kind: null }],
  ['notes', { kind: null }],
  ['cadence', { kind: null }],
  ['linkedin', { kind: null }],
  ['other', { kind: null }],
]);

const DIRECTION_WORDS = new Map<string, Direction | null>([
  ['inbound', 'inbound'],
  ['incoming', 'inbound'],
  ['in', 'inbound'],
  ['incoming_email', 'inbound'],
  ['received', 'inbound'],
  ['outbound', 'outbound'],
  ['outgoing', 'outbound'],
  ['out', 'outbound'],
  ['email', 'outbound'],
  ['forwarded_email', 'outbound'],
  ['sent', 'outbound'],
  ['internal', null],
]);

/** The reason a touch row is skipped when its kind is none of meeting, call, email. */
export const NOT_A_TOUCH = 'not a meeting, call or email (a task, a note …)';
export const NOT_YET = 'planned for later: a touch is recorded once it happened';

export interface TouchRowOptions {
  source: string;
  dateOrder?: DateOrder;
  /** The clock: activities after it are planned, not touches yet. */
  now: Date;
}

export function touchRowMapper(
  profile: FormatProfile<TouchField>,
  options: TouchRowOptions,
): (values: Record<string, string>, row: number) => RowResult<TouchRecord> {
  const now = options.now.toISOString();
  return (values, row) => {
    const r = new FieldReader(values, row, profile, undefined);
    const deleted = deletionReason(r.cells, profile, row, r.errors);
    if (deleted) return { ok: false, skipped: true, reason: deleted };
    // Several kind columns (Salesforce's Type and TaskSubtype): the first that names a touch, else the first word.
    const kindCells = r.cells.all(columnsFor(profile, undefined, 'kind')).filter((c) => c.raw.trim() !== '');
    const readings = kindCells.map((c) => ({ cell: c, word: KIND_WORDS.get(key(c.raw)) }));
    const reading = readings.find((x) => x.word?.kind) ?? readings.find((x) => x.word) ?? readings[0];
    if (!reading) r.required('kind', null);
    else if (!reading.word)
      r.fail('kind', `column "${reading.cell.column}": "${reading.cell.raw}" is not a meeting, call or email`);
    else if (reading.word.kind === null) return { ok: false, skipped: true, reason: NOT_A_TOUCH };
    const timeCell = r.cells.all(columnsFor(profile, undefined, 'occurred_at')).find((c) => c.raw.trim() !== '');
    let occurredAt: string | null = null;
    if (!timeCell) r.required('occurred_at', null);
    else {
      const parsed = parseTimestamp(timeCell.raw, options.dateOrder);
      if ('error' in parsed) r.fail('occurred_at', `column "${timeCell.column}": ${parsed.error}`);
      else occurredAt = parsed.value;
    }
    let direction: Direction | null = reading?.word?.direction ?? null;
    for (const c of r.cells.all(columnsFor(profile, undefined, 'direction'))) {
      if (c.raw.trim() === '') continue;
      const d = DIRECTION_WORDS.get(key(c.raw));
      if (d === undefined) r.fail('direction', `column "${c.column}": "${c.raw}" is not inbound or outbound`);
      else if (d) direction = d;
    }
    const emails = [
      ...new Set(r.cells.all(columnsFor(profile, undefined, 'contact_email')).flatMap((c) => emailsIn(c.raw))),
    ];
    const contactRefs = [
      ...new Set(
        r.cells
          .all(columnsFor(profile, undefined, 'contact_external_id'))
          .flatMap((c) => splitList(c.raw.replaceAll(',', ';'))),
      ),
    ];
    const accountRef = r.text('account_external_id') ?? null;
    const accountName = r.text('account') ?? null;
    if (!accountRef && !accountName && emails.length === 0 && contactRefs.length === 0)
      r.fail('contact_email', 'no account and no person: name the account or who took part');
    if (r.errors.length > 0 || !reading?.word?.kind || !occurredAt) return { ok: false, errors: r.errors };
    if (occurredAt > now) return { ok: false, skipped: true, reason: NOT_YET };
    return {
      ok: true,
      record: {
        kind: reading.word.kind,
        occurredAt,
        subject: r.text('subject') ?? null,
        direction,
        source: options.source,
        externalId: r.text('external_id') ?? null,
        accountRef,
        accountName,
        contactRefs,
        emails,
      },
    };
  };
}
