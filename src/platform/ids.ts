import { v7 as uuidv7 } from 'uuid';

/** Time-ordered ids (UUID v7): sortable, so cursors can page by id alone. */
export const newId = (): string => uuidv7();

/** The current time as the ISO-8601 UTC text every table stores. */
export const nowIso = (): string => new Date().toISOString();
