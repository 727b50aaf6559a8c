/**
 * Daily usage tables and licensed seats behind the one `Importer` face: `baton import usage|seats` and
 * `/api/v1/imports/usage|seats` run them alike.
 */
import type { Importer } from '../../../platform/imports/importer.ts';
import { importSeats } from './seats-import.service.ts';
import { SEATS_FIELDS } from './seats-import.ts';
import { importUsage } from './usage-import.service.ts';
import { USAGE_FIELDS } from './usage-rows.ts';

export const usageImporter: Importer = {
  kind: 'usage',
  label: 'Usage',
  description:
    'Import daily product usage (a warehouse or product usage table) into the adoption rollups. Rows name their account (Baton id, CRM id, domain or name) or a subscription (with --subscriptions). Re-running the file changes nothing; a changed row replaces what it counted.',
  takes: ['mapping'],
  formats: ['usage', 'mapped'],
  fields: USAGE_FIELDS,
  aliasFields: [],
  defaultFields: [],
  options: [
    {
      name: 'source',
      description: 'Where the rows come from: row ids are unique per source',
      default: 'csv',
      pattern: /^[a-z0-9_-]+$/i,
      maxLength: 50,
    },
  ],
  files: [
    {
      name: 'subscriptions',
      description: 'CSV with subscription_id and account_id: the account of each subscription the rows name',
    },
    {
      name: 'accounts',
      description:
        "CSV with account_id and account_name: the source's account ids, for accounts Baton knows by name only",
    },
  ],
  examples: [
    'baton import usage ravenstack_feature_usage.csv --workspace acme --subscriptions ravenstack_subscriptions.csv --map usage_id=id --map usage_date=day --map subscription_id=subscription --map feature_name=feature --map usage_count=events --map usage_duration_secs=duration',
    'baton import usage daily_usage.csv --workspace acme --map Date=day --map Domain=account --map Event=feature --map Count=events --map User=user --dry-run --json',
  ],
  api: {
    summary: 'Import a daily usage table from a CSV (day, account, feature, events, user) into the adoption rollups',
    description:
      'Columns read without a mapping: day (or date, usage_date), account (or account_id: a Baton id, CRM id, domain or exact name), feature (or feature_name, event), events (or count, usage_count; 1 without one), user (or user_id), usage_id (or id) and duration_secs, optional; a mapping names other columns. Importing the same file again changes nothing; a row with its id that changed replaces what it counted. Tables that name subscriptions need their join file: baton import usage --subscriptions.',
  },
  run: (db, call) =>
    importUsage(db, {
      workspaceId: call.workspaceId,
      actor: call.actor,
      input: call.input,
      fileName: call.fileName,
      mapping: call.request.mapping,
      source: call.request.options?.source,
      subscriptions: call.request.files?.subscriptions,
      accounts: call.request.files?.accounts,
      dryRun: call.dryRun,
      runId: call.runId,
      onProgress: call.onProgress,
    }),
};

export const seatsImporter: Importer = {
  kind: 'seats',
  label: 'Seats',
  description:
    'Import licensed seats per account from a CSV (account by Baton id, CRM id, domain or name; seats). Re-running it changes nothing.',
  access: 'accounts:write',
  takes: ['mapping'],
  formats: ['seats', 'mapped'],
  fields: SEATS_FIELDS,
  aliasFields: [],
  defaultFields: [],
  examples: ['baton import seats ravenstack_accounts.csv --workspace acme --map account_id=account --map seats=seats'],
  api: {
    summary: 'Import licensed seats per account from a CSV (account, seats)',
    description:
      'The account by its Baton id, CRM id, domain or exact name; a blank seat count leaves the account as it is. Importing the same file again changes nothing.',
  },
  run: (db, call) =>
    importSeats(db, {
      workspaceId: call.workspaceId,
      actor: call.actor,
      input: call.input,
      fileName: call.fileName,
      mapping: call.request.mapping,
      dryRun: call.dryRun,
      runId: call.runId,
      onProgress: call.onProgress,
    }),
};
