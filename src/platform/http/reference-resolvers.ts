import { memberUserIds, partnerFirmIds } from '../identity/identity.refs.ts';
import type { ReferenceDeclaration } from './reference-check.ts';

/** The kinds of record the platform owns that a write may name; each module declares its own in its manifest. */
export const PLATFORM_REFERENCES: Readonly<Record<string, ReferenceDeclaration>> = {
  user: { label: 'member', ids: memberUserIds },
  partner: { label: 'partner firm', ids: partnerFirmIds },
};
