/**
 * Zendesk's Incremental Export API answers read as ticket rows (pure): one page (`{"tickets": […], "end_time": …,
 * "next_page": …}`) or JSON Lines of such pages. Each ticket is a row, numbered across the pages; a deleted ticket
 * is skipped, a ticket Baton cannot read is a row error naming its field.
 */
import type { MappedRow } from '../../../platform/imports/import-run.ts';
import { nestsDeeperThan, tooDeepMessage } from '../../../platform/http/json-input.ts';
import type { TicketRecord } from '../ticket.ts';
import { exportPageTickets, isExportPage, readZendeskTicket } from './zendesk-ticket.ts';

export type ExportPages = { ok: true; pages: Array<Record<string, unknown>> } | { ok: false; message: string };

/** The pages of an export file: the whole text as one page, else one page per non-blank line. */
export function readExportPages(text: string): ExportPages {
  const body = text.replace(/^\uFEFF/, '');
  if (nestsDeeperThan(body)) return { ok: false, message: tooDeepMessage() };
  try {
    const whole: unknown = JSON.parse(body);
    return isExportPage(whole)
      ? { ok: true, pages: [whole] }
      : { ok: false, message: 'not a page of Zendesk’s Incremental Export (no "tickets" array)' };
  } catch {
    // JSON Lines: one page per line.
  }
  const pages: Array<Record<string, unknown>> = [];
  for (const [i, line] of body.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    let page: unknown;
    try {
      page = JSON.parse(line);
    } catch (err) {
      return { ok: false, message: `line ${i + 1} is not JSON (${(err as Error).message})` };
    }
    if (!isExportPage(page)) return { ok: false, message: `line ${i + 1} has no "tickets" array` };
    pages.push(page);
  }
  return pages.length ? { ok: true, pages } : { ok: false, message: 'the file holds no export page' };
}

/** The pages' tickets as rows (numbered from 1 across the pages). */
export function* exportRows(pages: ReadonlyArray<Record<string, unknown>>): Generator<MappedRow<TicketRecord>> {
  let row = 0;
  for (const page of pages)
    for (const { ticket, metrics } of exportPageTickets(page)) {
      row += 1;
      const status = (ticket as { status?: unknown } | null)?.status;
      if (typeof status === 'string' && status.toLowerCase() === 'deleted') {
        yield { row, ok: false, skipped: true, errors: [] };
        continue;
      }
      const read = readZendeskTicket(ticket, 'ticket', metrics);
      yield read.ok
        ? { row, ok: true, record: read.record }
        : { row, ok: false, errors: [{ row, field: read.field.replace(/^ticket\./, ''), reason: read.message }] };
    }
}
