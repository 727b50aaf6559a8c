import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAccounts, importContacts } from '../../src/modules/accounts/account-import.service.ts';
import { importDeals } from '../../src/modules/deals/deal-import.service.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { AppError } from '../../src/platform/errors/app-error.ts';
import { createWorkspace } from '../../src/platform/identity/workspace.service.ts';
import type { ImportReport } from '../../src/platform/imports/import-run.ts';
import type { ImportRequest } from '../../src/platform/imports/importer.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

/**
 * Properties of the importers, on generated files: well-formed rows with awkward text (quotes, commas, line
 * breaks, tabs, non-Latin letters), rows with too few or too many fields, garbage lines, a BOM, CRLF or LF,
 * and the file cut anywhere. Whatever comes in, an import never fails with anything but a validation error,
 * counts every row it read exactly once, and stores each row whole (every field as the row says) or reports
 * it rejected. Importing the same bytes again changes nothing.
 */

let t: TestDatabase;
let n = 0;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

const workspace = async () => (await createWorkspace(t.db, SYSTEM_ACTOR, { slug: `prop-${++n}` })).id;
const text = (bytes: string | Uint8Array) => ({ open: () => Readable.from([Buffer.from(bytes)]) });
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

// ---------- a reference CSV reader, written apart from Baton's, for what each record says ----------

interface RefRecord {
  fields: string[];
  /** The record's quote was never closed (the file was cut inside a quoted field). */
  unclosed: boolean;
}

/** RFC 4180 with a UTF-8 BOM, CRLF / LF / CR; quotes only at the start of a field. */
function referenceRecords(input: string): RefRecord[] {
  const s = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const out: RefRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atStart = true;
  const endRecord = () => {
    fields.push(field);
    out.push({ fields, unclosed: false });
    fields = [];
    field = '';
    atStart = true;
  };
  while (i < s.length) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i += 1;
      } else {
        field += c;
        i += 1;
      }
    } else if (c === '"' && atStart) {
      quoted = true;
      atStart = false;
      i += 1;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      atStart = true;
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      atStart = false;
      i += 1;
    }
  }
  if (quoted) {
    fields.push(field);
    out.push({ fields, unclosed: true });
  } else if (field !== '' || fields.length > 0) endRecord();
  return out;
}

const quote = (v: string) => (/[",\r\n]/.test(v) || v === '' ? (v === '' ? '' : `"${v.replaceAll('"', '""')}"`) : v);

// ---------- generated files ----------

const awkward = fc.string({
  unit: fc.constantFrom(
    'a',
    'B',
    'z',
    ' ',
    '\t',
    '"',
    ',',
    '\n',
    '\r\n',
    ';',
    'é',
    '中',
    '😀',
    "'",
    '1',
    'a',
    'e',
    '\u0000',
  ),
  maxLength: 12,
});
/** A line holding a NUL character is binary, not text: rejected whole (PostgreSQL could not store it anyway). */
const binary = (fields: string[]) => fields.some((f) => f.includes('\u0000'));
const garbage = fc
  .string({ unit: fc.constantFrom('x', 'Y', '7', ' ', ';', '#', 'é'), minLength: 1, maxLength: 20 })
  .filter((g) => g.trim() !== '');

type Kind = 'intact' | 'short' | 'long' | 'garbage';

interface Shape {
  bom: boolean;
  eol: '\n' | '\r\n';
  trailing: boolean;
  kinds: Kind[];
  garbage: string[];
  /** Where to cut the file: a fraction of the rows after the header (mostly), or of the whole file; null: not cut. */
  cut: { at: number; anywhere: boolean } | null;
}

const shape = (rows: number) =>
  fc.record({
    bom: fc.boolean(),
    eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    trailing: fc.boolean(),
    kinds: fc.array(
      fc.constantFrom<Kind>('intact', 'intact', 'intact', 'intact', 'intact', 'short', 'long', 'garbage'),
      { minLength: rows, maxLength: rows },
    ),
    garbage: fc.array(garbage, { minLength: rows, maxLength: rows }),
    cut: fc.option(
      fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        anywhere: fc.constantFrom(false, false, false, false, false, true),
      }),
      { nil: null },
    ),
  });

/** The file: a header, then each row as generated, corrupted as the shape says, and maybe cut. */
function build(header: string[], rows: string[][], s: Shape): { csv: string } {
  const lines = [header.map(quote).join(',')];
  rows.forEach((values, i) => {
    const kind = s.kinds[i] ?? 'intact';
    if (kind === 'garbage') lines.push(s.garbage[i] ?? 'x');
    else if (kind === 'short') lines.push(values.slice(0, -1).map(quote).join(','));
    else if (kind === 'long') lines.push([...values, 'extra'].map(quote).join(','));
    else lines.push(values.map(quote).join(','));
  });
  const head = (s.bom ? '\uFEFF' : '') + (lines[0] as string) + s.eol;
  let csv = head + lines.slice(1).join(s.eol) + (s.trailing ? s.eol : '');
  if (s.cut !== null) {
    const from = s.cut.anywhere ? 0 : head.length;
    csv = csv.slice(0, from + Math.floor((csv.length - from) * s.cut.at));
  }
  return { csv };
}

/** What an import reported and what it stored, or the validation error it refused the file with. */
type Outcome = { report: ImportReport } | { refused: AppError };

async function attempt(run: () => Promise<ImportReport>): Promise<Outcome> {
  try {
    return { report: await run() };
  } catch (error) {
    // The only acceptable failure: a validation error about the header or the options, before any row.
    if (error instanceof AppError && error.code === 'validation') return { refused: error };
    throw error;
  }
}

function checkCounts(report: ImportReport): void {
  expect(report.read).toBe(report.created + report.updated + report.unchanged + report.rejected + report.skipped);
}

const rejectedRows = (report: ImportReport) => new Set(report.errors.map((e) => e.row));

/**
 * The core property, for any kind: each data record of the file (as the reference reads it) is either stored
 * exactly as `expected` says it reads, or reported rejected; intact rows that are valid are stored; rows with
 * the wrong number of fields, and garbage, are rejected. The one record cut by the end of the file may go
 * either way, but if stored, it is stored as read.
 */
function checkRows<S>(
  csv: string,
  headerLength: number,
  report: ImportReport,
  stored: Map<string, S>,
  read: (fields: string[]) => { key: string; valid: boolean; value: S },
  cut: boolean,
): void {
  const records = referenceRecords(csv).slice(1);
  const rejected = rejectedRows(report);
  let dataRows = 0;
  records.forEach((record, index) => {
    const row = index + 1;
    if (record.fields.every((f) => f.trim() === '')) return;
    dataRows += 1;
    const last = index === records.length - 1 && cut;
    const wellFormed = !record.unclosed && record.fields.length === headerLength;
    if (!wellFormed) {
      expect(rejected.has(row), `row ${row} has ${record.fields.length} fields: must be rejected`).toBe(true);
      return;
    }
    const { key, valid: readable, value } = read(record.fields);
    const valid = readable && !binary(record.fields);
    if (rejected.has(row)) {
      expect(
        valid && !last,
        `row ${row} is valid yet was rejected: ${JSON.stringify(report.errors.filter((e) => e.row === row))}`,
      ).toBe(false);
      return;
    }
    expect(valid, `row ${row} is invalid (${JSON.stringify(record.fields)}) yet was not rejected`).toBe(true);
    expect(stored.get(key), `row ${row} must be stored whole`).toEqual(value);
  });
  expect(report.read).toBe(dataRows);
  expect(stored.size).toBe(report.created);
}

// ---------- accounts ----------

const SEGMENTS: Record<string, string | null> = {
  enterprise: 'enterprise',
  mid_market: 'mid_market',
  smb: 'smb',
  'Mid-Market': 'mid_market',
  SMB: 'smb',
  gold: null,
  '': null,
};
const segmentOf = (raw: string): string | null | undefined => {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  return (
    { enterprise: 'enterprise', midmarket: 'mid_market', smb: 'smb' }[key] ?? (raw.trim() === '' ? null : undefined)
  );
};
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

const accountRows = fc
  .integer({ min: 1, max: 15 })
  .chain((count) =>
    fc.tuple(
      fc.array(
        fc.tuple(
          awkward,
          fc.constantFrom(...Object.keys(SEGMENTS), 'smb', 'enterprise', 'mid_market'),
          fc.constantFrom('own', 'own', 'own', '', 'not a domain'),
        ),
        { minLength: count, maxLength: count },
      ),
      shape(count),
    ),
  );

describe('account import properties', () => {
  const header = ['Id', 'Company', 'Web', 'Tier'];
  const mapping = { Id: 'external_id', Company: 'name', Web: 'domain', Tier: 'segment' };

  it('stores each row whole or reports it, counts every row once, and changes nothing the second time', async () => {
    await fc.assert(
      fc.asyncProperty(accountRows, async ([generated, s]) => {
        const rows = generated.map(([name, tier, web], i) => [
          `R${i + 1}x`,
          `N${i + 1}-${name}`,
          web === 'own' ? `d${i + 1}.example` : web,
          tier,
        ]);
        const { csv } = build(header, rows, s);
        const ws = await workspace();
        const run = () =>
          importAccounts(t.db, {
            workspaceId: ws,
            actor: SYSTEM_ACTOR,
            input: text(csv),
            fileName: 'p.csv',
            request: { mapping },
          });
        const outcome = await attempt(run);
        const stored = await t.db
          .selectFrom('accounts')
          .innerJoin('account_external_ids', 'account_external_ids.account_id', 'accounts.id')
          .select(['external_id', 'name', 'domain', 'segment'])
          .where('accounts.workspace_id', '=', ws)
          .execute();
        if ('refused' in outcome) {
          expect(stored).toHaveLength(0);
          return;
        }
        checkCounts(outcome.report);
        const byId = new Map(
          stored.map((a) => [a.external_id, { name: a.name, domain: a.domain, segment: a.segment }]),
        );
        checkRows(
          csv,
          header.length,
          outcome.report,
          byId,
          ([id = '', name = '', web = '', tier = '']) => {
            const domain = web.trim() === '' ? null : web.trim().toLowerCase();
            // A blank segment leaves the account unsegmented; a word Baton cannot read is refused.
            const segment = segmentOf(tier);
            const valid =
              id.trim() !== '' &&
              fold(name) !== '' &&
              fold(name).length <= 200 &&
              (domain === null || DOMAIN.test(domain)) &&
              segment !== undefined;
            return { key: id.trim(), valid, value: { name: fold(name), domain, segment } };
          },
          s.cut !== null,
        );
        const again = await run();
        expect(again).toMatchObject({
          read: outcome.report.read,
          created: 0,
          updated: 0,
          rejected: outcome.report.rejected,
        });
      }),
      { numRuns: 50 },
    );
  });
});

// ---------- contacts ----------

const ROLES: Record<string, string | null> = {
  champion: 'champion',
  'Key User': 'key_user',
  EXECUTIVE_SPONSOR: 'executive_sponsor',
  '': 'other',
  wizard: null,
};
const roleOf = (raw: string): string | undefined => {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return 'other';
  return { champion: 'champion', keyuser: 'key_user', executivesponsor: 'executive_sponsor' }[key];
};

describe('contact import properties', () => {
  const header = ['Person', 'Account', 'Name', 'Email', 'Role'];
  const mapping = { Person: 'external_id', Account: 'account_external_id', Name: 'name', Email: 'email', Role: 'role' };
  const contactRows = fc
    .integer({ min: 1, max: 15 })
    .chain((count) =>
      fc.tuple(
        fc.array(
          fc.tuple(
            awkward,
            fc.constantFrom('A1x', 'A2x', 'A1x', 'A2x', 'A9x'),
            fc.constantFrom('own', 'own', 'own', '', 'bad@'),
            fc.constantFrom(...Object.keys(ROLES), 'champion', ''),
          ),
          { minLength: count, maxLength: count },
        ),
        shape(count),
      ),
    );

  it('stores each row whole under its account or reports it, and changes nothing the second time', async () => {
    await fc.assert(
      fc.asyncProperty(contactRows, async ([generated, s]) => {
        const ws = await workspace();
        await importAccounts(t.db, {
          workspaceId: ws,
          actor: SYSTEM_ACTOR,
          input: text('Id,Company\nA1x,First\nA2x,Second\n'),
          fileName: null,
          request: { mapping: { Id: 'external_id', Company: 'name' }, defaults: { segment: 'smb' } },
        });
        const accountOf = new Map(
          (
            await t.db
              .selectFrom('account_external_ids')
              .select(['external_id', 'account_id'])
              .where('workspace_id', '=', ws)
              .execute()
          ).map((l) => [l.external_id, l.account_id]),
        );
        const rows = generated.map(([name, account, email, role], i) => [
          `P${i + 1}x`,
          account,
          `N${i + 1}-${name}`,
          email === 'own' ? `p${i + 1}@x.example` : email,
          role,
        ]);
        const { csv } = build(header, rows, s);
        const run = () =>
          importContacts(t.db, {
            workspaceId: ws,
            actor: SYSTEM_ACTOR,
            input: text(csv),
            fileName: 'p.csv',
            request: { mapping },
          });
        const outcome = await attempt(run);
        const stored = await t.db
          .selectFrom('contacts')
          .innerJoin('contact_external_ids', 'contact_external_ids.contact_id', 'contacts.id')
          .select(['external_id', 'account_id', 'name', 'email', 'role'])
          .where('contacts.workspace_id', '=', ws)
          .execute();
        if ('refused' in outcome) {
          expect(stored).toHaveLength(0);
          return;
        }
        checkCounts(outcome.report);
        const byId = new Map(
          stored.map((c) => [c.external_id, { account: c.account_id, name: c.name, email: c.email, role: c.role }]),
        );
        checkRows(
          csv,
          header.length,
          outcome.report,
          byId,
          ([id = '', account = '', name = '', email = '', role = '']) => {
            const mail = email.trim() === '' ? null : email.trim().toLowerCase();
            const valid =
              id.trim() !== '' &&
              accountOf.has(account.trim()) &&
              fold(name) !== '' &&
              fold(name).length <= 200 &&
              (mail === null || /^[^@\s]+@x\.example$/.test(mail)) &&
              roleOf(role) !== undefined;
            return {
              key: id.trim(),
              valid,
              value: {
                account: accountOf.get(account.trim()) ?? null,
                name: fold(name),
                email: mail,
                role: roleOf(role) ?? null,
              },
            };
          },
          s.cut !== null,
        );
        expect(await run()).toMatchObject({ read: outcome.report.read, created: 0, updated: 0 });
      }),
      { numRuns: 40 },
    );
  });
});

// ---------- deals ----------

describe('deal import properties', () => {
  const header = ['Deal ID', 'Title', 'Status', 'Value'];
  const mapping = { 'Deal ID': 'external_id', Title: 'name', Status: 'stage', Value: 'amount' };
  const dealRows = fc
    .integer({ min: 1, max: 15 })
    .chain((count) =>
      fc.tuple(
        fc.array(
          fc.tuple(
            awkward,
            fc.constantFrom('Won', 'Closed Lost', 'Negotiation', 'Won', ''),
            fc.constantFrom('1200', '75000', '', '1200', 'lots'),
          ),
          { minLength: count, maxLength: count },
        ),
        shape(count),
      ),
    );

  it('stores each deal whole or reports it, and changes nothing the second time', async () => {
    await fc.assert(
      fc.asyncProperty(dealRows, async ([generated, s]) => {
        const rows = generated.map(([name, stage, value], i) => [`D${i + 1}x`, `N${i + 1}-${name}`, stage, value]);
        const { csv } = build(header, rows, s);
        const ws = await workspace();
        const run = () =>
          importDeals(t.db, {
            workspaceId: ws,
            actor: SYSTEM_ACTOR,
            open: () => Readable.from([Buffer.from(csv)]),
            fileName: 'p.csv',
            options: { mapping },
          });
        const outcome = await attempt(run);
        const stored = await t.db
          .selectFrom('deals')
          .select(['external_id', 'name', 'stage', 'amount'])
          .where('workspace_id', '=', ws)
          .execute();
        if ('refused' in outcome) {
          expect(stored).toHaveLength(0);
          return;
        }
        checkCounts(outcome.report);
        const byId = new Map(stored.map((d) => [d.external_id, { name: d.name, stage: d.stage, amount: d.amount }]));
        checkRows(
          csv,
          header.length,
          outcome.report,
          byId,
          ([id = '', name = '', stage = '', value = '']) => {
            const amount = value.trim() === '' ? null : /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
            const valid = id.trim() !== '' && fold(name) !== '' && fold(stage) !== '' && amount !== undefined;
            return { key: id.trim(), valid, value: { name: fold(name), stage: fold(stage), amount: amount ?? null } };
          },
          s.cut !== null,
        );
        expect(await run()).toMatchObject({ read: outcome.report.read, created: 0, updated: 0 });
      }),
      { numRuns: 40 },
    );
  });
});

// ---------- random bytes ----------

describe('random bytes', () => {
  const bytes = fc.uint8Array({ maxLength: 400 });

  it.each([
    ['accounts', 'Id,Company,Web,Tier\n'],
    ['contacts', 'Person,Account,Name,Email,Role\n'],
    ['deals', 'Deal ID,Title,Status,Value\n'],
  ] as const)('never break a %s import: a report that adds up, or a validation error', async (kind, header) => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.boolean(), async (body, withHeader) => {
        const ws = await workspace();
        const file = withHeader ? Buffer.concat([Buffer.from(header), body]) : Buffer.from(body);
        const outcome = await attempt(() => {
          if (kind === 'deals')
            return importDeals(t.db, {
              workspaceId: ws,
              actor: SYSTEM_ACTOR,
              open: () => Readable.from([file]),
              fileName: null,
              options: { mapping: { 'Deal ID': 'external_id', Title: 'name', Status: 'stage', Value: 'amount' } },
            });
          const request: ImportRequest =
            kind === 'accounts'
              ? {
                  mapping: { Id: 'external_id', Company: 'name', Web: 'domain', Tier: 'segment' },
                  defaults: { segment: 'smb' },
                }
              : { mapping: { Person: 'external_id', Account: 'account', Name: 'name', Email: 'email', Role: 'role' } };
          return (kind === 'accounts' ? importAccounts : importContacts)(t.db, {
            workspaceId: ws,
            actor: SYSTEM_ACTOR,
            input: text(file),
            fileName: null,
            request,
          });
        });
        const table = kind === 'deals' ? 'deals' : kind;
        const stored = Number(
          (
            await t.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .where('workspace_id', '=', ws)
              .executeTakeFirstOrThrow()
          ).n,
        );
        if ('refused' in outcome) {
          expect(stored).toBe(0);
          return;
        }
        checkCounts(outcome.report);
        expect(stored).toBe(outcome.report.created);
      }),
      { numRuns: 60 },
    );
  });
});
