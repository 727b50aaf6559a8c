// Moved to the platform: every importer reads CSV the same way.
export * from '../../../platform/imports/csv/row-cells.ts';
