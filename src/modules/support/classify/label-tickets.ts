/**
 * The classifier's use cases on plain data (pure): train on a workspace's labelled tickets and show the
 * cross-validated figures with the model, label the unlabelled ones, and suggest a ticket's label — a
 * workspace rule first, the model otherwise — with its evidence.
 *
 * Train on labels from the help desk (`source`) and from people (`person`): a rule's or the model's own
 * labels would teach the model what it was told, not what the tickets are.
 */
import { type LabelledText, type TicketCategory, ticketText } from './categories.ts';
import {
  type Classification,
  type ClassifierOptions,
  classify,
  type TicketClassifierModel,
  trainClassifier,
} from './classifier.ts';
import { type CrossValidation, crossValidate } from './cross-validate.ts';
import { applyRules, type CompiledRule, type RuleMatch, type RuleTicket } from './rules.ts';

export interface TrainAndLabelOptions {
  folds: number;
  seed: number;
  classifier: Partial<ClassifierOptions>;
}

export interface TrainAndLabel {
  model: TicketClassifierModel;
  /** Cross-validated figures of the same settings on the same labelled items. */
  metrics: CrossValidation;
  /** One entry per item given: the model's label for an unlabelled item, null for a labelled one. */
  labels: Array<Classification | null>;
}

/**
 * Cross-validates, trains on every labelled item, and labels the unlabelled ones. Throws an `AppError`
 * (validation) below `MIN_LABELLED` labelled items or with a single category.
 */
export function trainAndLabel(
  items: readonly LabelledText[],
  options: Partial<TrainAndLabelOptions> = {},
): TrainAndLabel {
  const metrics = crossValidate(items, options);
  const model = trainClassifier(items, { ...options.classifier, seed: options.seed ?? 1 });
  return {
    model,
    metrics,
    labels: items.map((item) => (item.label === null || item.label === '' ? classify(model, item.text) : null)),
  };
}

export type Suggestion =
  | { label: TicketCategory; source: 'rule'; rule: RuleMatch }
  | { label: string; source: 'model'; classification: Classification };

/**
 * A ticket's suggested label: the first matching rule's, else the model's on `ticketText(subject,
 * description)` — the text to train on too — or null with neither.
 */
export function suggestLabel(
  ticket: RuleTicket,
  rules: readonly CompiledRule[],
  model: TicketClassifierModel | null,
): Suggestion | null {
  const rule = applyRules(rules, ticket);
  if (rule) return { label: rule.category, source: 'rule', rule };
  if (!model) return null;
  const classification = classify(model, ticketText(ticket.subject, ticket.description));
  return { label: classification.label, source: 'model', classification };
}
