export interface WebhookDeliveryTable {
  id: string;
  workspace_id: string;
  source: string;
  received_at: string;
  request_id: string | null;
  /** `accepted` (its events were taken in) or `rejected` (a malformed event: nothing applied). */
  status: string;
  received: number;
  applied: number;
  duplicates: number;
  ignored: number;
  detail: string | null;
}

export interface WebhookEventTable {
  workspace_id: string;
  source: string;
  /** The source's event id (HubSpot: eventId, subscriptionId, objectId and occurredAt together). */
  event_id: string;
  received_at: string;
  /** `applied` or `ignored` (with the reason in detail). */
  outcome: string;
  detail: string | null;
  delivery_id: string;
  event_type: string;
  /** The deal's external id in the source. */
  object_id: string | null;
  /** The property a HubSpot property change set; null for events carrying the whole deal. */
  property: string | null;
  occurred_at: string | null;
  deal_id: string | null;
}
