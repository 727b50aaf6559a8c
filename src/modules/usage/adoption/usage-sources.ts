/**
 * Where the usage a workspace holds came from (pure): its daily rollups split into events received through
 * Segment or PostHog, rows imported from usage tables, and the rest, written straight into the rollups (the
 * demo's usage; in a real workspace, nothing).
 */
export interface UsageHeld {
  firstDay: string | null;
  lastDay: string | null;
  /** Days with any usage between the first and the last. */
  days: number;
  accounts: number;
  events: number;
}

export interface ImportedUsage {
  /** The import's source name (`csv` unless the import named one). */
  source: string;
  events: number;
  runs: number;
  lastImportedAt: string | null;
}

export interface UsageSources {
  held: UsageHeld;
  /** Events stored from Segment and PostHog (counted as they were stored, matched to their account or not). */
  received: number;
  /** Who sent them: the demo (its product users' activity, sent through the intake) in a demo workspace, else null. */
  receivedBy: 'demo' | null;
  imported: ImportedUsage[];
  /** Events in the rollups neither received nor imported. */
  writtenDirectly: number;
  /** What wrote them: the demo's generated usage in a demo workspace, else unknown. */
  writtenBy: 'demo' | null;
}

export function usageSources(
  held: UsageHeld,
  received: number,
  imported: ImportedUsage[],
  isDemo: boolean,
): UsageSources {
  const importedEvents = imported.reduce((n, i) => n + i.events, 0);
  const writtenDirectly = Math.max(0, held.events - received - importedEvents);
  return {
    held,
    received,
    receivedBy: received > 0 && isDemo ? 'demo' : null,
    imported,
    writtenDirectly,
    writtenBy: writtenDirectly > 0 && isDemo ? 'demo' : null,
  };
}
