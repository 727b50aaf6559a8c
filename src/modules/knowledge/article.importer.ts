/**
 * `articles` behind the one `Importer` face: Markdown files with front matter (one file, or a folder of them from
 * the command line), JSON Lines or CSV with `external_id, title, body, tags`. Keyed by external id: the same
 * content changes nothing, new content is the article's next version. Each bad row or file is reported alone.
 */
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { ImportResult, MappedRow } from '../../platform/imports/import-run.ts';
import { runImport } from '../../platform/imports/import.service.ts';
import type { ImportCall, Importer } from '../../platform/imports/importer.ts';
import { mapCsvRows } from '../../platform/imports/map-rows.ts';
import { openCsv, type CsvInput } from '../../platform/imports/source.ts';
import type { ArticleRecord } from './article.ts';
import { applyArticleBatch } from './article.service.ts';
import {
  ARTICLE_FORMATS,
  type ArticleFormat,
  csvArticle,
  detectArticleFormat,
  jsonArticle,
  markdownArticle,
} from './import/article-rows.ts';

const MAX_FILE_BYTES = 50 * 1024 * 1024;
const MARKDOWN_FILE = /\.(md|markdown)$/i;

/** A file's whole text (articles are read whole: a Markdown file is one record). */
async function textOf(input: CsvInput, field: string): Promise<string> {
  const opened = input.open();
  if (typeof opened === 'string') return opened;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of opened as Readable) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > MAX_FILE_BYTES) {
      (opened as Readable).destroy();
      throw AppError.validation(field, 'is larger than 50 MB');
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function formatOf(call: ImportCall, text: string): ArticleFormat {
  const { format } = call.request;
  if (format === undefined) return detectArticleFormat(call.fileName, text);
  if ((ARTICLE_FORMATS as readonly string[]).includes(format)) return format as ArticleFormat;
  throw AppError.validation(call.name('format'), `unknown format "${format}" (${ARTICLE_FORMATS.join(', ')})`);
}

/** Rows of the same external id in one import: the first is kept, the others reported. */
async function* onceEach(rows: AsyncIterable<MappedRow<ArticleRecord>>): AsyncGenerator<MappedRow<ArticleRecord>> {
  const first = new Map<string, number>();
  for await (const r of rows) {
    if (!r.ok) yield r;
    else if (first.has(r.record.externalId))
      yield {
        row: r.row,
        ok: false,
        errors: [
          {
            row: r.row,
            field: 'external_id',
            reason: `"${r.record.externalId}" is also row ${first.get(r.record.externalId)}`,
          },
        ],
      };
    else {
      first.set(r.record.externalId, r.row);
      yield r;
    }
  }
}

async function* asRows(
  results: Iterable<{ row: number; result: ReturnType<typeof markdownArticle> }>,
): AsyncGenerator<MappedRow<ArticleRecord>> {
  for (const { row, result } of results)
    yield result.ok
      ? { row, ok: true, record: result.record }
      : { row, ok: false, errors: 'errors' in result ? result.errors : [] };
}

/** The rows of a call: a folder's Markdown files, or one file in its format. */
async function rowsOf(
  call: ImportCall,
  notes: string[],
): Promise<{ format: string; rows: AsyncIterable<MappedRow<ArticleRecord>>; close?: () => Promise<void> }> {
  if (call.folder) {
    const files = call.folder.filter((f) => MARKDOWN_FILE.test(f.name));
    const others = call.folder.length - files.length;
    if (others > 0) notes.push(`${others} file${others === 1 ? '' : 's'} in the folder not Markdown (.md): left out`);
    const read = await Promise.all(
      files.map(async (f, i) => ({ row: i + 1, name: f.name, text: await textOf(f, 'file') })),
    );
    return {
      format: 'markdown',
      rows: asRows(read.map((f) => ({ row: f.row, result: markdownArticle(f.name, f.text, f.row) }))),
    };
  }
  const text = await textOf(call.input, 'file');
  const format = formatOf(call, text);
  if (format === 'markdown')
    return {
      format,
      rows: asRows([{ row: 1, result: markdownArticle(call.fileName ?? 'article.md', text, 1) }]),
    };
  if (format === 'jsonl') {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    return {
      format,
      rows: asRows(
        lines.flatMap((line, i) =>
          line.trim() ? [{ row: i + 1, result: jsonArticle(line, i + 1, call.fileName) }] : [],
        ),
      ),
    };
  }
  // A string given to the CSV reader is a file path: the text goes in as a stream.
  const { reader, headers } = await openCsv({ open: () => Readable.from([text]) });
  const lower = headers.map((h) => h.trim().toLowerCase());
  const missing = ['title'].filter((h) => !lower.includes(h));
  if (!lower.includes('external_id') && !lower.includes('id')) missing.unshift('external_id');
  if (missing.length) {
    await reader.close().catch(() => {});
    throw AppError.validation('file', `the CSV has no ${missing.join(' or ')} column (external_id, title, body, tags)`);
  }
  return {
    format,
    rows: mapCsvRows(reader, (values, row) => csvArticle(values, row, call.fileName), new Map()),
    close: () => reader.close(),
  };
}

async function run(db: Kysely<Database>, call: ImportCall): Promise<ImportResult> {
  const notes: string[] = [];
  const { format, rows, close } = await rowsOf(call, notes);
  try {
    const now = new Date().toISOString();
    const report = await runImport(db, {
      workspaceId: call.workspaceId,
      kind: 'articles',
      format,
      fileName: call.fileName,
      actor: call.actor,
      dryRun: call.dryRun,
      runId: call.runId,
      rows: onceEach(rows),
      batchSize: 200,
      applyBatch: (trx, batch) =>
        applyArticleBatch(trx, { workspaceId: call.workspaceId, by: call.actor.label, now }, batch),
      onProgress: call.onProgress,
      notes: () => notes,
      audit: { action: 'article.import' },
    });
    return { ...report, kind: 'articles', format, dryRun: Boolean(call.dryRun), notes };
  } finally {
    await close?.().catch(() => {});
  }
}

/** The article import as the CLI, the upload routes and the import page see it. */
export const articleImporter: Importer = {
  kind: 'articles',
  label: 'Articles',
  description:
    'Import knowledge base articles: Markdown files with front matter (title, tags, external_id, status; a ' +
    'folder of them from the command line), JSON Lines or CSV with external_id, title, body, tags. Keyed by ' +
    'external_id: the same content changes nothing, new content becomes the article’s next version. Published ' +
    'unless the file says status: draft.',
  access: 'knowledge:write',
  mediaTypes: ['text/markdown', 'application/x-ndjson', 'application/jsonl'],
  takes: ['format'],
  formats: ARTICLE_FORMATS,
  formatHelp: {
    markdown:
      'one Markdown file (or a folder of .md files): front matter title, tags, external_id (the file name when ' +
      'left out), status',
    jsonl: 'JSON Lines: one object per line with external_id, title, body, tags (a list or "a, b"), status',
    csv: 'a CSV with external_id, title, body, tags ("a, b"), status',
  },
  fields: [
    { name: 'external_id', required: true, description: 'The article’s id in its source (a Markdown file: its name)' },
    {
      name: 'title',
      required: true,
      description: 'The title (a Markdown file: its first # heading when no front matter)',
    },
    { name: 'body', required: false, description: 'Markdown' },
    {
      name: 'tags',
      required: false,
      description: 'product:…, integration:…, playbook:… or free tags, comma-separated',
    },
    { name: 'status', required: false, description: 'published (the default) or draft' },
  ],
  aliasFields: [],
  defaultFields: [],
  folders: 'a folder of Markdown files, one article each (files not ending in .md are left out)',
  examples: [
    'baton import articles docs/help-centre --workspace acme',
    'baton import articles articles.jsonl --workspace acme',
    'baton import articles articles.csv --workspace acme --dry-run',
  ],
  api: {
    summary:
      'Import knowledge base articles from a Markdown file, JSON Lines or CSV; answers the report with every ' +
      'rejected row',
    description:
      'The body is the file: text/markdown (one article), application/x-ndjson (JSON Lines) or text/csv. The ' +
      'format is told from fileName or the content when left out. Keyed by external_id: re-importing the same ' +
      'content changes nothing; new content becomes a new version.',
  },
  run,
};
