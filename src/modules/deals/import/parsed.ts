// Moved to the platform: every importer reads values the same way.
export * from '../../../platform/imports/values/parsed.ts';
