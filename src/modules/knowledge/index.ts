/** The knowledge module's public face: what later modules, the demo and the command line use of it, nothing else. */
export type { Article, ArticleContent, ArticleStatus, ArticleVersion } from './article.ts';
export { applyArticleBatch, createArticle, listArticles } from './article.service.ts';
export { searchTerms, snippetText } from './search/query.ts';
export { reindexWorkspace } from './search/reindex.service.ts';
export { SEARCH_KINDS, type SearchHit, type SearchKind } from './search/search-doc.ts';
export { searchKnowledge } from './search/search.service.ts';
export { type Lesson, type LessonKind } from './lesson.ts';
export { addLesson, draftFromLesson, listLessons } from './lesson.service.ts';
export { answerQuestion, type AssistantQuestion } from './assistant/assistant.service.ts';
export type { AssistantAnswer } from './assistant/passage.ts';
export { similarImplementations } from './similar/similar.service.ts';
export { DEFAULT_GAP_OPTIONS, type KnowledgeGaps, knowledgeGaps } from './gaps/gaps.service.ts';
