import { AppError } from '../errors/app-error.ts';
import type { Role } from '../auth/permissions.ts';

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  isDemo: boolean;
  createdAt: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  hasPassword: boolean;
  createdAt: string;
  disabledAt: string | null;
}

export interface Member extends User {
  role: Role;
  partnerId: string | null;
  partnerName: string | null;
  memberSince: string;
}

export interface Partner {
  id: string;
  name: string;
  createdAt: string;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** A workspace slug: lowercase letters, digits and inner dashes, 1–40 characters. */
export function checkSlug(slug: string): string {
  const s = slug.trim().toLowerCase();
  if (!SLUG.test(s)) {
    throw AppError.validation('slug', 'use 1–40 lowercase letters, digits or dashes, not starting or ending with a dash');
  }
  return s;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** A partner user must name their firm; nobody else may have one. */
export function checkPartnerRole(role: Role, partnerId: string | null | undefined): void {
  if (role === 'partner' && !partnerId) throw AppError.validation('partnerId', 'a partner user must belong to a partner firm');
  if (role !== 'partner' && partnerId) throw AppError.validation('partnerId', 'only partner users belong to a partner firm');
}
