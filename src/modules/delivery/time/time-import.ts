import type { RowError } from '../../../platform/imports/import-run.ts';
import type { RowResult } from '../../../platform/imports/map-rows.ts';
import { parseBoolean } from '../../../platform/imports/values/booleans.ts';
import { parseDate } from '../../../platform/imports/values/dates.ts';
import { parseNumber, resolveDeliveryColumns } from '../resources/csv-columns.ts';
import { MAX_HOURS_PER_DAY } from './time-entry.ts';

/** The columns a timesheet file may have, each with the names it is recognised by. */
export const TIME_COLUMNS = {
  date: ['date', 'day', 'on date', 'work date'],
  person: ['person', 'email', 'resource', 'consultant', 'name'],
  project: ['project', 'project id', 'project name'],
  task: ['task', 'task key', 'task name'],
  hours: ['hours', 'duration', 'time'],
  billable: ['billable'],
  rework: ['rework'],
  note: ['note', 'notes', 'description', 'comment'],
  external_id: ['external_id', 'external id', 'id', 'entry id'],
} as const;

export type TimeColumn = keyof typeof TIME_COLUMNS;
export const REQUIRED_TIME_COLUMNS: TimeColumn[] = ['date', 'person', 'project', 'hours'];

/** A row as read: people, projects and tasks still named as the file names them. */
export interface TimeImportRecord {
  date: string;
  person: string;
  project: string;
  task: string | null;
  hours: number;
  billable: boolean;
  rework: boolean;
  note: string | null;
  externalId: string | null;
}

/** Reads one row of a timesheet file, reporting every unreadable value. */
export function timeRowMapper(headers: readonly string[]) {
  const columns = resolveDeliveryColumns(headers, TIME_COLUMNS);
  return (values: Record<string, string>, row: number): RowResult<TimeImportRecord> => {
    const errors: RowError[] = [];
    const raw = (f: TimeColumn) => (columns.has(f) ? (values[columns.get(f) as string] ?? '').trim() : '');
    const bad = (field: string, reason: string) => errors.push({ row, field, reason });
    const flag = (f: TimeColumn, blank: boolean) => {
      if (!raw(f)) return blank;
      const v = parseBoolean(raw(f));
      if ('error' in v) bad(f, v.error);
      return 'value' in v ? v.value : blank;
    };
    const date = parseDate(raw('date'));
    if ('error' in date) bad('date', date.error);
    else if (!date.value) bad('date', 'is required');
    for (const f of ['person', 'project'] as const) if (!raw(f)) bad(f, 'is required');
    const hours = parseNumber(raw('hours'));
    if (hours === undefined) bad('hours', 'is required');
    else if (Number.isNaN(hours) || hours <= 0 || hours > MAX_HOURS_PER_DAY)
      bad('hours', `"${raw('hours')}" is not a number of hours above 0 and at most ${MAX_HOURS_PER_DAY}`);
    const record: TimeImportRecord = {
      date: 'value' in date ? (date.value ?? '') : '',
      person: raw('person'),
      project: raw('project'),
      task: raw('task') || null,
      hours: hours ?? 0,
      billable: flag('billable', true),
      rework: flag('rework', false),
      note: raw('note') || null,
      externalId: raw('external_id') || null,
    };
    return errors.length ? { ok: false, errors } : { ok: true, record };
  };
}
