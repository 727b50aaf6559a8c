/** The domain events the relationship module publishes; later modules (health) handle them through their manifests. */

/** Touches were recorded with the people of these accounts. */
export interface RelationshipTouched {
  workspaceId: string;
  accountIds: string[];
}

/** Survey answers (NPS, CSAT) were recorded for these accounts. */
export interface RelationshipSurveyRecorded {
  workspaceId: string;
  accountIds: string[];
}

declare module '../../platform/events/domain-events.ts' {
  interface DomainEvents {
    /** Published in the transaction that records touches (the API, an import, the demo): health may rescore. */
    'relationship.touched': RelationshipTouched;
    /** Published in the transaction that records survey answers: health may rescore. */
    'relationship.survey-recorded': RelationshipSurveyRecorded;
  }
}
