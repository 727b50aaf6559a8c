/** The knowledge module's tables. Times are ISO-8601 UTC text; lists are JSON text. */

/** An article of the knowledge base, as it reads now. */
export interface KnowledgeArticleTable {
  id: string;
  workspace_id: string;
  /** Its id in the source it came from (a file's name, a help centre's id); unique in the workspace. */
  external_id: string;
  title: string;
  /** Markdown. */
  body: string;
  /** JSON: tags, `product:…`, `integration:…`, `playbook:…` or free. */
  tags: string;
  /** `draft` or `published`. */
  status: string;
  /** `person`, `import`, `ticket` or `project`. */
  source: string;
  /** What it was drafted from: a ticket's or a lesson's id, an import's file name. */
  source_ref: string | null;
  /** The number of its latest version (1 for a new article). */
  version: number;
  /** What makes an import of the same content change nothing. */
  content_hash: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

/** Every save of an article: what it read then. */
export interface KnowledgeArticleVersionTable {
  id: string;
  workspace_id: string;
  article_id: string;
  version: number;
  title: string;
  body: string;
  tags: string;
  status: string;
  saved_by: string;
  saved_at: string;
}

/** A lesson learned or a configuration decision taken in a project, at a milestone or at its close. */
export interface KnowledgeProjectLessonTable {
  id: string;
  workspace_id: string;
  project_id: string;
  /** A milestone's id, or `close`. */
  milestone: string;
  /** `lesson` or `decision`. */
  kind: string;
  text: string;
  author: string;
  created_at: string;
}

/** One searchable document: a published article, a lesson, a handoff brief, a resolved ticket. */
export interface KnowledgeSearchDocTable {
  id: string;
  workspace_id: string;
  /** `article`, `lesson`, `brief` or `ticket`. */
  kind: string;
  /** The record's id in its module. */
  ref_id: string;
  external_id: string | null;
  title: string;
  body: string;
  /** Where the web app shows it. */
  url: string;
  updated_at: string;
}
