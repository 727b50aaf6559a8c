import type { RowError } from '../../../platform/imports/import-run.ts';
import type { RowResult } from '../../../platform/imports/map-rows.ts';
import { parseBoolean } from '../../../platform/imports/values/booleans.ts';
import { parseEmail } from '../../../platform/imports/values/emails.ts';
import { splitList } from '../../../platform/imports/values/text.ts';
import { parseNumber, resolveDeliveryColumns } from './csv-columns.ts';
import { MAX_WEEKLY_CAPACITY, parseWorkingDays, unknownRoleMessage } from './resource.ts';

/** The columns a people (capacity) file may have, each with the names it is recognised by. */
export const RESOURCE_COLUMNS = {
  name: ['name', 'full name', 'person', 'consultant'],
  email: ['email', 'e-mail', 'mail'],
  role: ['role', 'delivery role'],
  skills: ['skills', 'skill'],
  weekly_capacity_hours: ['weekly_capacity_hours', 'weekly capacity', 'capacity', 'capacity hours', 'hours per week'],
  working_days: ['working_days', 'workdays', 'days'],
  cost_rate: ['cost_rate', 'cost', 'cost per hour'],
  bill_rate: ['bill_rate', 'bill', 'rate', 'bill per hour'],
  partner: ['partner', 'firm', 'partner firm', 'employer'],
  active: ['active'],
  user: ['user', 'baton user', 'login'],
} as const;

export type ResourceColumn = keyof typeof RESOURCE_COLUMNS;
export const REQUIRED_RESOURCE_COLUMNS: ResourceColumn[] = ['name', 'role'];

/** One row of a people file, read; fields left blank are undefined (an existing person keeps theirs). */
export interface ResourceImportRecord {
  name: string;
  email: string | null;
  role: string;
  skills?: string[];
  weeklyCapacityHours?: number;
  workingDays?: number[];
  costRate?: number;
  billRate?: number;
  /** null: the company's own staff (`partner` column present and blank). */
  partnerId?: string | null;
  active?: boolean;
  userId?: string | null;
}

/** What rows are checked against, read once before the import. */
export interface ResourceImportLookups {
  roles: readonly string[];
  /** Partner firm name (lower case) → id. */
  partners: ReadonlyMap<string, string>;
  /** Member email (lower case) → user id. */
  members: ReadonlyMap<string, string>;
}

/** Reads one row of a people file; every problem of the row is reported, and a row with any is not saved. */
export function resourceRowMapper(headers: readonly string[], lookups: ResourceImportLookups) {
  const columns = resolveDeliveryColumns(headers, RESOURCE_COLUMNS);
  return (values: Record<string, string>, row: number): RowResult<ResourceImportRecord> => {
    const errors: RowError[] = [];
    const has = (f: ResourceColumn) => columns.has(f);
    const raw = (f: ResourceColumn) => (columns.has(f) ? (values[columns.get(f) as string] ?? '').trim() : '');
    const bad = (field: string, reason: string) => errors.push({ row, field, reason });
    const number = (f: ResourceColumn, max: number): number | undefined => {
      const n = parseNumber(raw(f));
      if (n === undefined) return undefined;
      if (Number.isNaN(n) || n < 0 || n > max) bad(f, `"${raw(f)}" is not a number between 0 and ${max}`);
      return n;
    };

    const name = raw('name');
    if (!name) bad('name', 'is required');
    const email = parseEmail(raw('email'));
    if ('error' in email) bad('email', email.error);
    const role = raw('role');
    if (!role) bad('role', 'is required');
    else if (!lookups.roles.includes(role)) bad('role', unknownRoleMessage(role, lookups.roles));
    const record: ResourceImportRecord = { name, email: 'value' in email ? email.value : null, role };
    if (raw('skills')) record.skills = splitList(raw('skills'));
    record.weeklyCapacityHours = number('weekly_capacity_hours', MAX_WEEKLY_CAPACITY);
    if (raw('working_days')) {
      record.workingDays = parseWorkingDays(raw('working_days'));
      if (!record.workingDays)
        bad('working_days', `"${raw('working_days')}" is not a list of weekdays (e.g. 1;2;3;4;5 or Mon-Fri)`);
    }
    record.costRate = number('cost_rate', 100_000);
    record.billRate = number('bill_rate', 100_000);
    if (has('partner')) {
      const firm = raw('partner');
      record.partnerId = firm ? (lookups.partners.get(firm.toLowerCase()) ?? undefined) : null;
      if (firm && record.partnerId === undefined)
        bad('partner', `no partner firm named "${firm}" in this workspace (add it in Settings → Partners)`);
    }
    if (raw('active')) {
      const active = parseBoolean(raw('active'));
      if ('error' in active) bad('active', active.error);
      else record.active = active.value;
    }
    if (has('user')) {
      const login = raw('user').toLowerCase();
      record.userId = login ? (lookups.members.get(login) ?? undefined) : null;
      if (login && record.userId === undefined) bad('user', `no member of this workspace has the email ${login}`);
    }
    return errors.length ? { ok: false, errors } : { ok: true, record };
  };
}
