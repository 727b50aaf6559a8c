/**
 * `tickets` behind the one `Importer` face: help desk exports as they come (Zendesk's CSV export, Salesforce
 * Cases, HubSpot tickets, Fivetran's `zendesk.ticket`) or any table through `--map`, streamed in batches. Each
 * ticket is keyed by its source and id (re-importing updates, never duplicates; an older `updated_at` never
 * replaces a newer one), finds its account (or waits for it), and gets its category: the help desk's, else the
 * workspace's rules, else the trained model.
 */
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { ImportResult } from '../../platform/imports/import-run.ts';
import { runCsvImport } from '../../platform/imports/csv-import.ts';
import { runImport } from '../../platform/imports/import.service.ts';
import type { ImportCall, Importer, ImportPlan, ImportRequest, OptionNamer } from '../../platform/imports/importer.ts';
import {
  type FormatProfile,
  headerProblems,
  mappedProfile,
  mappingProblems,
  resolveColumns,
} from '../../platform/imports/profile.ts';
import type { CsvInput } from '../../platform/imports/source.ts';
import { exportRows, readExportPages } from './zendesk/zendesk-export.ts';
import { isTicketCategory, TICKET_CATEGORIES, type TicketCategory } from './classify/categories.ts';
import {
  detectTicketFormat,
  TICKET_FIELD_SET,
  TICKET_FIELDS,
  TICKET_FORMATS,
  TICKET_PROFILES,
  type TicketField,
} from './import/ticket-fields.ts';
import { ticketRowMapper } from './import/ticket-rows.ts';
import { categoryKey, type TicketRecord } from './ticket.ts';
import { workspaceLabeller } from './ticket-labels.service.ts';
import { applyTicketBatch } from './ticket.service.ts';
import { applyEventLogBatch, type EventLogState, newEventLogState } from './event-log.service.ts';
import { eventLogProfile } from './import/event-log.ts';

const isEventLog = (request: ImportRequest) => request.options?.eventLog === 'true';

function profileOf(format: string, request: ImportRequest): FormatProfile<TicketField> {
  const profile =
    format === 'mapped'
      ? mappedProfile(request.mapping ?? {}, TICKET_FIELD_SET)
      : TICKET_PROFILES[format as keyof typeof TICKET_PROFILES];
  const { key, at } = request.options ?? {};
  return isEventLog(request) && key && at ? eventLogProfile(profile, key, at) : profile;
}

/** An event log's key and time columns, each a column of the file. */
function eventLogProblems(request: ImportRequest, headers: readonly string[]): string[] {
  if (!isEventLog(request)) return [];
  const present = new Set(headers.map((h) => h.trim().toLowerCase()));
  return (['key', 'at'] as const)
    .map((option) => request.options?.[option])
    .filter((column): column is string => column !== undefined && !present.has(column.trim().toLowerCase()))
    .map((column) => `the event log's column "${column}" is not in the file`);
}

/** Whether a created_at column of the file is read (else an event log's ticket opens at its first row). */
const createdColumnMapped = (profile: FormatProfile<TicketField>, headers: readonly string[], at: string) =>
  resolveColumns(profile, undefined, TICKET_FIELD_SET, headers).some(
    (m) => m.field === 'created_at' && m.column.trim().toLowerCase() !== at.trim().toLowerCase(),
  );

const aliasesOf = (request: ImportRequest): Map<string, TicketCategory> =>
  new Map(
    Object.entries(request.aliases?.category ?? {})
      .filter(([, to]) => isTicketCategory(to))
      .map(([word, to]) => [categoryKey(word), to as TicketCategory]),
  );

function assertRequest(format: string, request: ImportRequest, name: OptionNamer): void {
  const errors: Array<{ field: string; message: string }> = [];
  if (!(TICKET_FORMATS as readonly string[]).includes(format))
    errors.push({ field: name('format'), message: `unknown format "${format}" (${TICKET_FORMATS.join(', ')})` });
  if (format === 'mapped' && !request.mapping)
    errors.push({ field: name('mapping'), message: 'the mapped format needs a mapping of columns to fields' });
  for (const m of request.mapping ? mappingProblems(request.mapping, TICKET_FIELD_SET) : [])
    errors.push({ field: name('mapping'), message: m });
  for (const [field, words] of Object.entries(request.aliases ?? {})) {
    if (field !== 'category') {
      errors.push({ field: name('aliases'), message: `only category takes aliases, not "${field}"` });
      continue;
    }
    for (const [word, to] of Object.entries(words))
      if (!isTicketCategory(to))
        errors.push({
          field: name('aliases'),
          message: `"${word}" maps to "${to}", which is not a category (${TICKET_CATEGORIES.join(', ')})`,
        });
  }
  const options = request.options ?? {};
  if (isEventLog(request)) {
    for (const option of ['key', 'at'] as const)
      if (!options[option]?.trim())
        errors.push({
          field: name(option),
          message: `an event log needs the column of each row's ${option === 'key' ? 'ticket id' : 'time'}`,
        });
  } else
    for (const option of ['key', 'at'] as const)
      if (options[option] !== undefined)
        errors.push({ field: name(option), message: `is read only with ${name('eventLog')}` });
  if (errors.length)
    throw new AppError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { fieldErrors: errors });
}

const ticketView = (r: TicketRecord): Record<string, unknown> => ({
  external_id: r.externalId,
  subject: r.subject,
  status: r.status,
  priority: r.priority,
  category: r.category,
  channel: r.channel,
  requester_email: r.requesterEmail,
  organization: r.organization,
  account_external_id: r.accountExternalId,
  assignee: r.assignee,
  tags: r.tags.join(' '),
  created_at: r.createdAt,
  first_response_at: r.firstResponseAt,
  solved_at: r.solvedAt,
  satisfaction: r.satisfaction,
  updated_at: r.updatedAt,
});

function plan(format: string, headers: readonly string[], request: ImportRequest, name: OptionNamer): ImportPlan {
  assertRequest(format, request, name);
  const profile = profileOf(format, request);
  return {
    format,
    headerProblems: [
      ...headerProblems(profile, undefined, TICKET_FIELD_SET, headers, []),
      ...eventLogProblems(request, headers),
    ],
    mapping: resolveColumns(profile, undefined, TICKET_FIELD_SET, headers),
    map: ticketRowMapper(profile, {
      source: profile.source,
      dateOrder: request.dateOrder,
      aliases: aliasesOf(request),
      unknownWord: () => {},
      eventLog: isEventLog(request),
    }),
    view: (record) => ticketView(record as TicketRecord),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const eventLogNotes = (log: EventLogState): string[] => [
  `an event log: its rows are status changes of ${plural(log.tickets.size, 'ticket', 'tickets')} ` +
    `(${log.created.size} new to Baton); each ticket's state is its latest row, its history kept`,
  ...(log.stale > 0
    ? [`${plural(log.stale, 'ticket is', 'tickets are')} older in the file than as stored (updated_at): the newer kept`]
    : []),
];

/** The first non-blank character of the input, and an input that still reads it whole. */
async function peek(input: CsvInput): Promise<{ first: string; input: CsvInput }> {
  const opened = input.open();
  if (typeof opened === 'string')
    return {
      first: opened
        .replace(/^\uFEFF/, '')
        .trimStart()
        .charAt(0),
      input,
    };
  const chunks: Buffer[] = [];
  const iterator = (opened as Readable)[Symbol.asyncIterator]();
  let first = '';
  while (!first) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
    chunks.push(chunk);
    first = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart()
      .charAt(0);
  }
  if (!input.once) {
    (opened as Readable).destroy();
    return { first, input };
  }
  const rest = Readable.from(
    (async function* () {
      yield* chunks;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  );
  return { first, input: { open: () => rest, once: true } };
}

async function textOf(input: CsvInput): Promise<string> {
  const opened = input.open();
  if (typeof opened === 'string') return opened;
  const chunks: Buffer[] = [];
  for await (const chunk of opened as Readable) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A Zendesk Incremental Export file (one page or JSON Lines of pages): each ticket a row. */
async function runExport(db: Kysely<Database>, call: ImportCall, input: CsvInput): Promise<ImportResult> {
  if (isEventLog(call.request))
    throw AppError.validation(call.name('eventLog'), 'an export of Zendesk’s tickets is no event log');
  const read = readExportPages(await textOf(input));
  if (!read.ok) throw AppError.validation('file', read.message);
  const labeller = await workspaceLabeller(db, call.workspaceId);
  const now = new Date().toISOString();
  let stale = 0;
  const notes = () =>
    stale > 0
      ? [`${plural(stale, 'ticket is', 'tickets are')} older than the one already stored (updated_at): the newer kept`]
      : [];
  const report = await runImport(db, {
    workspaceId: call.workspaceId,
    kind: 'tickets',
    format: 'zendesk-json',
    fileName: call.fileName,
    actor: call.actor,
    dryRun: call.dryRun,
    runId: call.runId,
    rows: (async function* () {
      yield* exportRows(read.pages);
    })(),
    applyBatch: async (trx, batch) => {
      const result = await applyTicketBatch(trx, { workspaceId: call.workspaceId, labeller, now }, batch);
      stale += result.stale;
      return result;
    },
    onProgress: call.onProgress,
    notes,
    audit: { action: 'ticket.import' },
  });
  return { ...report, kind: 'tickets', format: 'zendesk-json', dryRun: Boolean(call.dryRun), notes: notes() };
}

async function run(db: Kysely<Database>, call: ImportCall): Promise<ImportResult> {
  const peeked = await peek(call.input);
  const json = call.request.format === 'zendesk-json' || (call.request.format === undefined && peeked.first === '{');
  if (json) return runExport(db, call, peeked.input);
  return runCsv(db, { ...call, input: peeked.input });
}

async function runCsv(db: Kysely<Database>, call: ImportCall): Promise<ImportResult> {
  const { request, workspaceId } = call;
  const unknownWords = new Map<string, number>();
  let waiting = 0;
  let stale = 0;
  let eventLog: EventLogState | undefined;
  return runCsvImport<TicketRecord>(db, call, {
    kind: 'tickets',
    reading: {
      formats: TICKET_FORMATS,
      // An event log's other columns are often Baton's own names without a created_at: read as a plain table.
      detect: (h) => detectTicketFormat(h) ?? (isEventLog(request) ? 'csv' : undefined),
      plan,
    },
    auditAction: 'ticket.import',
    prepare: async ({ format, dateOrder, headers }) => {
      const profile = profileOf(format, request);
      const labeller = await workspaceLabeller(db, workspaceId);
      const now = new Date().toISOString();
      const log = isEventLog(request)
        ? newEventLogState(createdColumnMapped(profile, headers, request.options?.at ?? ''))
        : undefined;
      eventLog = log;
      return {
        map: ticketRowMapper(profile, {
          source: profile.source,
          dateOrder,
          aliases: aliasesOf(request),
          unknownWord: (word) => unknownWords.set(word, (unknownWords.get(word) ?? 0) + 1),
          eventLog: isEventLog(request),
        }),
        applyBatch: async (trx, batch) => {
          if (log) return applyEventLogBatch(trx, { workspaceId, labeller, now }, log, batch);
          const result = await applyTicketBatch(trx, { workspaceId, labeller, now }, batch);
          waiting += result.waiting;
          stale += result.stale;
          return result;
        },
      };
    },
    notes: ({ file, skipped }) => {
      const words = [...unknownWords].sort((a, b) => b[1] - a[1]);
      return [
        ...file,
        ...(eventLog ? eventLogNotes(eventLog) : []),
        ...skipped,
        ...(waiting > 0
          ? [
              `${plural(waiting, 'ticket names', 'tickets name')} no account Baton knows (by CRM id, organization or email domain): kept, listed as unmatched, and matched when the account appears`,
            ]
          : []),
        ...(stale > 0
          ? [`${plural(stale, 'row is', 'rows are')} older than the ticket already stored (updated_at): the newer kept`]
          : []),
        ...(words.length > 0
          ? [
              `category words Baton does not know (${words
                .slice(0, 5)
                .map(([w, n]) => `"${w}" ×${n}`)
                .join(
                  ', ',
                )}): those tickets are labelled by the rules or the model; --alias category:word=how_to names one`,
            ]
          : []),
      ];
    },
  });
}

const tickets = {
  kind: 'tickets' as const,
  label: 'Tickets',
  description:
    'Import support tickets from a help desk export: Zendesk, Salesforce Cases, HubSpot tickets, Fivetran’s zendesk.ticket, or any table with --map. Keyed by the ticket’s id: importing again updates, never duplicates, and an older updated_at never replaces a newer one. Each ticket finds its account by CRM id, organization or email domain (or waits for it) and gets its category from the help desk, the workspace’s rules or the trained model.',
  access: 'support:write' as const,
  takes: ['format', 'mapping', 'aliases', 'dateOrder'] as const,
  options: [
    {
      name: 'eventLog',
      description:
        'the file is an event log (one row per status change of a ticket): rows are collapsed into tickets ' +
        'with their history; name --key and --at',
      pattern: /^(true|false)$/,
      flag: true,
    },
    { name: 'key', description: 'with --event-log: the column of the ticket’s id', maxLength: 200 },
    { name: 'at', description: 'with --event-log: the column of the row’s time', maxLength: 200 },
  ],
  examples: [
    'baton import tickets zendesk-tickets.csv --workspace acme',
    'baton import tickets cases.csv --workspace acme --format salesforce --alias "category:Question=how_to"',
    'baton import tickets export.json --workspace acme',
    'baton import tickets audit-log.csv --workspace acme --event-log --key "Ticket ID" --at "Changed at"',
    'baton import tickets issues_train.csv --workspace acme --map title=subject --map body=description --map label=category --map created_at=created_at --map repo=organization',
  ],
  formatHelp: {
    zendesk: 'Zendesk’s CSV export (Id, Subject, Status, Priority, Requester email, Organization, Created at …)',
    salesforce: 'a Salesforce Case export (Id, CaseNumber, Subject, Description, Status, Origin, Type, AccountId …)',
    hubspot: 'HubSpot’s ticket export (Ticket ID, Ticket name, Ticket description, Ticket status, Create date …)',
    fivetran: 'Fivetran’s zendesk.ticket table (id, subject, description, status, type, via_channel, created_at …)',
    csv: 'a table with Baton’s names (external_id, subject, description, category, created_at …)',
    mapped: 'any table, its columns named with --map',
    'zendesk-json':
      'Zendesk’s Incremental Export API answer ({"tickets": […], "end_time": …}, or JSON Lines of pages; ' +
      'metric_sets give first replies): told from the content',
  },
  formats: [...TICKET_FORMATS, 'zendesk-json'],
  mediaTypes: ['text/csv', 'application/json', 'application/x-ndjson'],
  fields: TICKET_FIELDS,
  aliasFields: ['category'],
  defaultFields: [],
  detect: detectTicketFormat,
  plan,
  run,
};

/** The ticket import as the CLI, the upload routes and the import page see it. */
export const ticketImporter: Importer = tickets;
