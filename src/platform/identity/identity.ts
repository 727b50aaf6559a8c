import { AppError } from '../errors/app-error.ts';
import type { Role } from '../auth/permissions.ts';

export interface Workspace {
  id: string;
  slug: string;
  name: string;
  isDemo: boolean;
  createdAt: string;
}

/**
 * A person as a workspace sees them: their membership (role, partner firm, since when) and the name and email
 * they are known by. Facts of the person's login (whether it has a password, when it was made, whether the
 * instance operator disabled it) are theirs and the operator's, never told to a workspace.
 */
export interface Member {
  id: string;
  email: string;
  name: string;
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
    throw AppError.validation(
      'slug',
      'use 1–40 lowercase letters, digits or dashes, not starting or ending with a dash',
    );
  }
  return s;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** A partner user must name their firm; nobody else may have one. */
export function checkPartnerRole(role: Role, partnerId: string | null | undefined): void {
  if (role === 'partner' && !partnerId)
    throw AppError.validation('partnerId', 'a partner user must belong to a partner firm');
  if (role !== 'partner' && partnerId)
    throw AppError.validation('partnerId', 'only partner users belong to a partner firm');
}

/** An invitation of the workspace not yet accepted (Settings → Users). */
export interface Invitation {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  partnerId: string | null;
  partnerName: string | null;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

/** An invitation as its invitee sees it. */
export interface MyInvitation {
  id: string;
  workspace: { id: string; slug: string; name: string };
  role: Role;
  invitedBy: string;
  expiresAt: string;
}
