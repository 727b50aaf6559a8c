/**
 * The composed modules, installed once by the composition root (`src/app/modules.ts`) before anything runs: the
 * job registry, the import kinds, the id checks, the audit names and the event subscriptions are read from here.
 */
import type { Migration } from 'kysely';
import type { NameLookup } from '../audit/audit-names.ts';
import { installSubscriptions } from '../events/domain-events.ts';
import type { ReferenceDeclaration } from '../http/reference-check.ts';
import type { Importer } from '../imports/importer.ts';
import type { JobDefinition } from '../jobs/job.ts';
import { registryOf, type JobRegistry } from '../jobs/job.service.ts';
import { JOURNEY, type BatonModule } from './baton-module.ts';

export interface Composition {
  readonly modules: readonly BatonModule[];
  readonly jobs: JobRegistry;
  readonly importers: ReadonlyMap<string, Importer>;
  readonly references: ReadonlyMap<string, ReferenceDeclaration>;
  readonly auditNames: ReadonlyMap<string, NameLookup>;
  readonly migrations: Readonly<Record<string, Migration>>;
}

let current: Composition | null = null;

function once<V>(map: Map<string, V>, key: string, value: V, what: string, owner: string): void {
  if (map.has(key)) throw new Error(`${what} ${key} is declared twice (again by ${owner})`);
  map.set(key, value);
}

/**
 * Composes the modules with the platform's own jobs and migrations. The modules must come in the journey's order
 * and each at most once; every job type, import kind, record kind and migration is declared by one owner only.
 */
export function composeModules(
  modules: readonly BatonModule[],
  platform: {
    jobs: readonly JobDefinition[];
    migrations: Readonly<Record<string, Migration>>;
    references: Readonly<Record<string, ReferenceDeclaration>>;
    auditNames: Readonly<Record<string, NameLookup>>;
  },
): Composition {
  let last = -1;
  for (const m of modules) {
    const at = JOURNEY.indexOf(m.name);
    if (at <= last) throw new Error(`module ${m.name} is out of the journey's order or listed twice`);
    last = at;
  }
  const jobs = new Map<string, JobDefinition>();
  const importers = new Map<string, Importer>();
  const references = new Map<string, ReferenceDeclaration>();
  const auditNames = new Map<string, NameLookup>();
  const migrations = new Map<string, Migration>();
  for (const job of platform.jobs) once(jobs, job.type, job, 'job', 'platform');
  for (const [name, migration] of Object.entries(platform.migrations)) {
    once(migrations, name, migration, 'migration', 'platform');
  }
  for (const [kind, r] of Object.entries(platform.references)) once(references, kind, r, 'record kind', 'platform');
  for (const [kind, n] of Object.entries(platform.auditNames)) once(auditNames, kind, n, 'audited kind', 'platform');
  for (const m of modules) {
    for (const job of m.jobs ?? []) once(jobs, job.type, job, 'job', m.name);
    for (const importer of m.importers ?? []) once(importers, importer.kind, importer, 'import kind', m.name);
    for (const [kind, r] of Object.entries(m.references ?? {})) once(references, kind, r, 'record kind', m.name);
    for (const [kind, n] of Object.entries(m.auditNames ?? {})) once(auditNames, kind, n, 'audited kind', m.name);
    for (const [name, mig] of Object.entries(m.migrations ?? {})) once(migrations, name, mig, 'migration', m.name);
  }
  const sorted = Object.fromEntries([...migrations].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { modules, jobs: registryOf([...jobs.values()]), importers, references, auditNames, migrations: sorted };
}

/** Installs a composition for this process (the composition root calls it once, at import). */
export function installComposition(composition: Composition): void {
  current = composition;
  installSubscriptions(composition.modules.map((m) => m.subscriptions ?? {}));
}

export function composition(): Composition {
  if (!current) throw new Error('the modules were not composed: import src/app/modules.ts first');
  return current;
}

export const composedJobs = (): JobRegistry => composition().jobs;
