/**
 * What a module declares about itself, once, in its `module.ts`: the platform composes the list in `src/app/modules.ts`
 * and iterates it (routes, jobs, importers, migrations, id checks, audit names, events), so adding a module touches
 * its own folder and one line of that list.
 */
import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { z } from 'zod';
import type { AppContext } from '../app-context.ts';
import type { NameLookup } from '../audit/audit-names.ts';
import type { Actor } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import type { DialectCapabilities } from '../db/capabilities.ts';
import type { Database } from '../db/schema.ts';
import type { EventSubscriptions } from '../events/domain-events.ts';
import type { ReferenceDeclaration } from '../http/reference-check.ts';
import type { Importer } from '../imports/importer.ts';
import type { JobDefinition } from '../jobs/job.ts';
import type { SettingDefinition } from '../settings/settings.service.ts';

/** The modules in the order of the customer's journey: a module imports only modules before it. */
export const JOURNEY = [
  'accounts',
  'signals',
  'deals',
  'commitments',
  'handoffs',
  'delivery',
  'usage',
  'relationship',
  'revenue',
  'support',
  'knowledge',
  'health',
  'plays',
  'alerts',
  'insights',
] as const;
export type ModuleName = (typeof JOURNEY)[number];

/** A number of a signal rule a workspace may change: its key in the rule's settings object, and its bounds. */
export interface SignalRuleField {
  name: string;
  label: string;
  /** How the number reads: `days`, `share` (0–1, shown as a percentage), `percent`, `count`, `times`, `score`. */
  unit: 'days' | 'share' | 'percent' | 'count' | 'times' | 'score' | 'decile' | 'months';
  min: number;
  max: number;
  /** True when only whole numbers are valid. */
  integer?: boolean;
}

/** One rule of DESIGN §4: its key in the setting's value (an object with `enabled` and the fields), its kinds. */
export interface SignalRuleDeclaration {
  key: string;
  kinds: readonly string[];
  title: string;
  description: string;
  fields: readonly SignalRuleField[];
}

/** What a signal rule's evaluation of one workspace is given. */
export interface SignalRuleRun {
  caps: DialectCapabilities;
  workspaceId: string;
  /** The day judged, YYYY-MM-DD (UTC). */
  asOf: string;
  now: Date;
}

/**
 * A module's signal rules that share one setting: the rules (each a key of the setting's value, with an `enabled`
 * switch and its numbers) and how to run them for one workspace, in the transaction given, after a change.
 */
export interface SignalRuleSet {
  setting: SettingDefinition<z.ZodType>;
  rules: readonly SignalRuleDeclaration[];
  /** Runs every rule of the set for the workspace; answers how many accounts it judged. */
  evaluate(db: Db, run: SignalRuleRun): Promise<{ accounts: number }>;
}

/** A section of the web app's navigation that a module fills. */
export interface NavEntry {
  path: string;
  label: string;
}

export interface BatonModule {
  readonly name: ModuleName;
  /** One sentence: what the module is for. */
  readonly purpose: string;
  /** The tables the module owns (their types live in its `*.table.ts`, merged into `Database`). */
  readonly tables: readonly (keyof Database)[];
  /** Registers the module's HTTP routes (each routes file registers one resource). */
  readonly routes?: (app: FastifyInstance, ctx: AppContext) => void | Promise<void>;
  readonly jobs?: readonly JobDefinition[];
  /** Import kinds the module reads (the CLI, the upload routes and the import page all go through these). */
  readonly importers?: readonly Importer[];
  /** Migrations the module added since modules owned theirs (earlier ones are in `platform/db/migrations`). */
  readonly migrations?: Readonly<Record<string, Migration>>;
  /** Kinds of record a write body may name (`refId(kind)`), with the function that knows their ids. */
  readonly references?: Readonly<Record<string, ReferenceDeclaration>>;
  /** Kinds of audited record the audit log names at read time. */
  readonly auditNames?: Readonly<Record<string, NameLookup>>;
  readonly settings?: readonly SettingDefinition<z.ZodType>[];
  /** Kinds of signal the module raises. */
  readonly signalKinds?: readonly string[];
  /** The module's signal rules with thresholds (Settings › Signal rules reads and changes them). */
  readonly signalRules?: readonly SignalRuleSet[];
  /** Domain events of earlier modules this one handles. */
  readonly subscriptions?: EventSubscriptions;
  /** Work done when a workspace is created (e.g. built-in playbooks), in the creating transaction. */
  readonly onWorkspaceCreated?: (db: Db, actor: Actor, workspaceId: string) => Promise<void>;
  readonly nav?: NavEntry;
}

export const defineModule = (module: BatonModule): BatonModule => module;
