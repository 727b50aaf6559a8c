import { AppError } from '../../../platform/errors/app-error.ts';
import { DEFAULT_DELIVERY_ROLES } from './roles.ts';

/** A person who delivers, as the API shows them; rates are null for principals without `margin:read`. */
export interface Resource {
  id: string;
  name: string;
  email: string | null;
  userId: string | null;
  role: string;
  skills: string[];
  weeklyCapacityHours: number;
  /** ISO weekdays worked (1 = Monday … 7 = Sunday). */
  workingDays: number[];
  costRate: number | null;
  billRate: number | null;
  partnerId: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TimeOff {
  id: string;
  resourceId: string;
  from: string;
  to: string;
  reason: string | null;
  createdAt: string;
}

export interface Holiday {
  date: string;
  name: string;
}

export const MAX_WEEKLY_CAPACITY = 80;
export const DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5];

/** The roles a workspace plans by: the defaults first, then its own, each once. */
export function knownRoles(custom: readonly string[]): string[] {
  return [...new Set([...DEFAULT_DELIVERY_ROLES, ...custom.map((r) => r.trim()).filter(Boolean)])];
}

/** A role must be one the workspace knows, so that playbook tasks' owner roles find their people. */
export function checkRole(role: string, known: readonly string[], field = 'body.role'): string {
  const r = role.trim();
  if (!known.includes(r)) throw AppError.validation(field, unknownRoleMessage(r, known));
  return r;
}

export const unknownRoleMessage = (role: string, known: readonly string[]): string =>
  `unknown delivery role "${role}"; known roles: ${known.join(', ')} (add roles in Settings → delivery roles)`;

/** Weekly capacity between 0 and 80 hours. */
export function checkCapacity(hours: number, field = 'body.weeklyCapacityHours'): number {
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_WEEKLY_CAPACITY)
    throw AppError.validation(field, `must be between 0 and ${MAX_WEEKLY_CAPACITY} hours`);
  return hours;
}

/** ISO weekdays, each once, sorted. */
export function checkWorkingDays(days: readonly number[], field = 'body.workingDays'): number[] {
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    throw AppError.validation(field, 'use ISO weekdays 1 (Monday) to 7 (Sunday)');
  return [...new Set(days)].sort((a, b) => a - b);
}

export function checkRate(rate: number, field: string): number {
  if (!Number.isFinite(rate) || rate < 0) throw AppError.validation(field, 'must be zero or more');
  return rate;
}

/** Time off runs from a day to a later (or the same) day. */
export function checkRange(from: string, to: string): void {
  if (from > to) throw AppError.validation('body.to', `ends before it starts (${from} → ${to})`);
}

const DAY_NAMES: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** Working days as files write them: `1;2;3`, `Mon;Tue`, `Mon-Fri`. Undefined when unreadable. */
export function parseWorkingDays(raw: string): number[] | undefined {
  const text = raw.trim().toLowerCase();
  if (!text) return undefined;
  const dayOf = (t: string): number | undefined => {
    const s = t.trim();
    if (/^[1-7]$/.test(s)) return Number(s);
    return DAY_NAMES[s.slice(0, 3)];
  };
  const range = /^(\w+)\s*-\s*(\w+)$/.exec(text);
  if (range) {
    const a = dayOf(range[1] as string);
    const b = dayOf(range[2] as string);
    if (a === undefined || b === undefined || a > b) return undefined;
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  const days = text
    .split(/[;,\s|]+/)
    .filter(Boolean)
    .map(dayOf);
  if (days.length === 0 || days.some((d) => d === undefined)) return undefined;
  return [...new Set(days as number[])].sort((x, y) => x - y);
}

/** A stored JSON list (skills, working days); anything else reads as empty. */
export const parseList = <T>(json: string): T[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};

/** The roles people may have in a workspace. */
export interface RoleList {
  defaults: string[];
  custom: string[];
  /** Every role people may have: defaults then custom. */
  roles: string[];
}
