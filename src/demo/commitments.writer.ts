/** Writes the demo's commitments ledger and contract terms through the services people use. */
import { accountNameIndex, listContacts } from '../modules/accounts/index.ts';
import { type BulkCommitment, recordCommitmentsInBulk } from '../modules/commitments/index.ts';
import { dealIdsByExternalId, DEFAULT_GUARD, updateDealTerms } from '../modules/deals/index.ts';
import type { Actor } from '../platform/auth/principal.ts';
import type { Db } from '../platform/db/database.ts';
import type { DemoCommitment } from './commitments.ts';
import type { DemoContractTerms } from './contract-terms.ts';
import type { DemoStaff } from './demo.ts';

export interface CommitmentWriteContext {
  workspaceId: string;
  staff: readonly DemoStaff[];
  userIdOf: (email: string | null) => string | null;
  actor: Actor;
}

/** Deal ids for `{ source, externalId }` pairs, asked of the deals module once per source. */
async function dealIds(
  db: Db,
  workspaceId: string,
  refs: ReadonlyArray<{ source: string; externalId: string }>,
): Promise<(source: string, externalId: string) => string | null> {
  const bySource = new Map<string, Map<string, string>>();
  for (const source of new Set(refs.map((r) => r.source))) {
    bySource.set(
      source,
      await dealIdsByExternalId(
        db,
        workspaceId,
        source,
        refs.filter((r) => r.source === source).map((r) => r.externalId),
      ),
    );
  }
  return (source, externalId) => bySource.get(source)?.get(externalId) ?? null;
}

/** Records the demo's promises with their status histories; returns how many. */
export async function writeDemoCommitments(
  db: Db,
  ctx: CommitmentWriteContext,
  commitments: readonly DemoCommitment[],
): Promise<number> {
  const { workspaceId } = ctx;
  const accounts = await accountNameIndex(db, workspaceId);
  const contactIds = new Map<string, string>();
  for (const name of new Set(commitments.filter((c) => c.toContactEmail).map((c) => c.accountName))) {
    const accountId = accounts.get(name.trim().toLowerCase());
    if (!accountId) continue;
    for (const contact of await listContacts(db, { workspaceId, partnerId: null }, accountId))
      if (contact.email) contactIds.set(contact.email, contact.id);
  }
  const dealIdOf = await dealIds(
    db,
    workspaceId,
    commitments.flatMap((c) => (c.deal ? [c.deal] : [])),
  );
  const person = (email: string | null) => ({
    userId: ctx.userIdOf(email),
    label: ctx.staff.find((s) => s.email === email)?.name ?? ctx.actor.label,
  });
  const items = commitments.flatMap((c): BulkCommitment[] => {
    const accountId = accounts.get(c.accountName.trim().toLowerCase());
    if (!accountId) return [];
    return [
      {
        accountId,
        dealId: c.deal ? dealIdOf(c.deal.source, c.deal.externalId) : null,
        what: c.what,
        toContactId: c.toContactEmail ? (contactIds.get(c.toContactEmail) ?? null) : null,
        toName: c.toName,
        words: c.words,
        dueDate: c.dueDate,
        roadmapItem: c.roadmapItem,
        madeBy: person(c.madeBy),
        madeOn: c.madeOn,
        history: c.history.map((h) => ({ to: h.to, note: h.note, at: h.at, by: person(h.by) })),
      },
    ];
  });
  return recordCommitmentsInBulk(db, ctx.actor, workspaceId, items, 'demo');
}

/** Records the contract terms of the demo's won deals by hand, as an account executive would. */
export async function writeDemoContractTerms(
  db: Db,
  ctx: CommitmentWriteContext,
  terms: readonly DemoContractTerms[],
): Promise<number> {
  const dealIdOf = await dealIds(db, ctx.workspaceId, terms);
  let written = 0;
  for (const t of terms) {
    const id = dealIdOf(t.source, t.externalId);
    if (!id) continue;
    await updateDealTerms(db, ctx.actor, ctx.workspaceId, id, t.terms, DEFAULT_GUARD);
    written += 1;
  }
  return written;
}
