/**
 * What differs between the databases Baton runs on, named once. Stores ask for a capability
 * instead of testing which database they are on.
 */
export interface DialectCapabilities {
  readonly kind: 'sqlite' | 'postgres';
  /** `SELECT … FOR UPDATE SKIP LOCKED`: several instances can claim work from one table at once. */
  readonly supportsSkipLocked: boolean;
  /** Only one writer at a time (SQLite): claims run in one short write transaction instead. */
  readonly singleWriter: boolean;
  /** The operator for a case-insensitive substring match. */
  readonly caseInsensitiveLike: 'like' | 'ilike';
  /** The aggregate collecting values into a JSON array (SQLite answers its text, PostgreSQL the array). */
  readonly jsonArrayAgg: 'json_group_array' | 'json_agg';
  /** The function building one JSON array from its arguments. */
  readonly jsonArray: 'json_array' | 'json_build_array';
  /** How a list of texts bound as one parameter becomes rows: a JSON text read by `json_each`, or an array `unnest`ed. */
  readonly textListRows: 'json_each' | 'unnest';
}

export const sqliteCapabilities: DialectCapabilities = Object.freeze({
  kind: 'sqlite',
  supportsSkipLocked: false,
  singleWriter: true,
  caseInsensitiveLike: 'like',
  jsonArrayAgg: 'json_group_array',
  jsonArray: 'json_array',
  textListRows: 'json_each',
});

export const postgresCapabilities: DialectCapabilities = Object.freeze({
  kind: 'postgres',
  supportsSkipLocked: true,
  singleWriter: false,
  caseInsensitiveLike: 'ilike',
  jsonArrayAgg: 'json_agg',
  jsonArray: 'json_build_array',
  textListRows: 'unnest',
});
