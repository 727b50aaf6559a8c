/**
 * Domain events: how an earlier module of the journey causes work in a later one without naming it. A module
 * declares its events by merging into `DomainEvents` (in its `*.events.ts`) and publishes them with `publish`
 * inside the transaction of the change; a later module handles them through its manifest's `subscriptions`,
 * in that same transaction (or by queuing a typed job of its own, for work that may wait).
 */
import type { Db } from '../db/database.ts';

/** Event name → payload, merged into by each module that publishes events (`declare module`). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DomainEvents {}

export type EventName = keyof DomainEvents;
export type EventHandler<K extends EventName> = (db: Db, event: DomainEvents[K]) => Promise<void>;
export type EventSubscriptions = { readonly [K in EventName]?: EventHandler<K> };

type AnyHandler = (db: Db, event: unknown) => Promise<void>;
let handlers: ReadonlyMap<string, readonly AnyHandler[]> | null = null;

/** Installs the modules' subscriptions, in the journey's order (the composition root does this once). */
export function installSubscriptions(subscriptions: readonly EventSubscriptions[]): void {
  const byName = new Map<string, AnyHandler[]>();
  for (const subscription of subscriptions) {
    for (const [name, handler] of Object.entries(subscription)) {
      if (!handler) continue;
      const list = byName.get(name) ?? [];
      list.push(handler as AnyHandler);
      byName.set(name, list);
    }
  }
  handlers = byName;
}

/**
 * Runs every subscriber of the event, in order, on `db` (the publisher's transaction): the change and what it
 * causes commit together or not at all. Publishing before the modules were composed is a programming error.
 */
export async function publish<K extends EventName>(db: Db, name: K, event: DomainEvents[K]): Promise<void> {
  if (!handlers) throw new Error(`event ${String(name)} published before the modules were composed`);
  for (const handler of handlers.get(name as string) ?? []) await handler(db, event);
}
