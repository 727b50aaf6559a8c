/**
 * Training the workspace's ticket classifier: on the tickets labelled by their help desk or by a person (a rule's
 * or the model's own labels would teach it what it was told), cross-validated, stored as the last fit, then
 * labelling the tickets nothing else labelled.
 */
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { isTicketCategory, ticketText } from './classify/categories.ts';
import { MIN_LABELLED } from './classify/classifier.ts';
import type { ClassMetrics } from './classify/cross-validate.ts';
import { trainAndLabel } from './classify/label-tickets.ts';
import { saveModel, selectModel, selectTicketTexts, updateTicket } from './ticket.store.ts';

export interface ModelFigures {
  trainedAt: string;
  /** Labelled tickets it was trained and cross-validated on. */
  n: number;
  folds: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
}

export interface TrainResult extends ModelFigures {
  /** Tickets the new model labelled (those labelled by no help desk, person or rule). */
  labelled: number;
}

const FOLDS = 5;

/** Fits, stores and applies the workspace's classifier; a validation error below ten labelled tickets. */
export async function trainTicketModel(db: Db, workspaceId: string, now: Date): Promise<TrainResult> {
  const tickets = await selectTicketTexts(db, workspaceId);
  const items = tickets.map((t) => ({
    text: ticketText(t.subject, t.description),
    label: t.category_source === 'source' || t.category_source === 'person' ? t.category : null,
  }));
  const result = trainAndLabel(items, { folds: FOLDS, seed: 1 });
  const trainedAt = now.toISOString();
  const m = result.metrics;
  await saveModel(db, {
    workspace_id: workspaceId,
    trained_at: trainedAt,
    n: m.n,
    accuracy: m.accuracy,
    macro_f1: m.macro_f1,
    metrics: JSON.stringify({ folds: m.folds, per_class: m.per_class, confusion: m.confusion }),
    model: JSON.stringify(result.model),
  });
  let labelled = 0;
  for (const [i, t] of tickets.entries()) {
    const c = result.labels[i];
    if (!c || !isTicketCategory(c.label) || (t.category_source !== null && t.category_source !== 'model')) continue;
    if (t.category === c.label && t.category_source === 'model') continue;
    await updateTicket(db, workspaceId, t.id, { category: c.label, category_source: 'model' });
    labelled += 1;
  }
  return {
    trainedAt,
    n: m.n,
    folds: m.folds,
    accuracy: m.accuracy,
    macroF1: m.macro_f1,
    perClass: m.per_class,
    labelled,
  };
}

/** The last fit's figures, or null before the first. */
export async function modelFigures(db: Db, workspaceId: string): Promise<ModelFigures | null> {
  const row = await selectModel(db, workspaceId);
  if (!row) return null;
  const metrics = JSON.parse(row.metrics) as { folds: number; per_class: Record<string, ClassMetrics> };
  return {
    trainedAt: row.trained_at,
    n: Number(row.n),
    folds: metrics.folds,
    accuracy: Number(row.accuracy),
    macroF1: Number(row.macro_f1),
    perClass: metrics.per_class,
  };
}

/** Refuses training before it is queued: too few labelled tickets, or a single category. */
export async function assertTrainable(db: Db, workspaceId: string): Promise<void> {
  const tickets = await selectTicketTexts(db, workspaceId);
  const labels = tickets
    .filter((t) => t.category && (t.category_source === 'source' || t.category_source === 'person'))
    .map((t) => t.category as string);
  if (labels.length < MIN_LABELLED)
    throw AppError.validation(
      'tickets',
      `${labels.length} tickets are labelled by the help desk or a person; training needs ${MIN_LABELLED} or more`,
    );
  if (new Set(labels).size < 2)
    throw AppError.validation('tickets', 'every labelled ticket has the same category: at least two are needed');
}
