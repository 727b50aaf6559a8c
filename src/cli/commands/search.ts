import { Command, InvalidArgumentError } from 'commander';
import { SEARCH_KINDS, type SearchKind, searchKnowledge, snippetText } from '../../modules/knowledge/index.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const HELP = `
The question's words are matched by their stems (resetting finds reset), common words left out, and any of them
may match; a word in a title counts more than one in a body. Published articles, project lessons and decisions,
handoff briefs and resolved tickets are searched (reindexed daily, or with POST /api/v1/knowledge/reindex).

Examples:
  baton search "How do I reset my SSO certificate?" --workspace acme
  baton search "salesforce sync errors" --workspace acme --limit 3 --kinds article --json`;

const limitOf = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) throw new InvalidArgumentError('a whole number from 1 to 50');
  return n;
};

const kindsOf = (value: string): SearchKind[] => {
  const kinds = value.split(',').map((k) => k.trim());
  for (const k of kinds)
    if (!(SEARCH_KINDS as readonly string[]).includes(k))
      throw new InvalidArgumentError(`"${k}" is not a kind (${SEARCH_KINDS.join(', ')})`);
  return kinds as SearchKind[];
};

export function searchCommand(): Command {
  return new Command('search')
    .description('Search the knowledge base with a question and print the best answers first')
    .argument('<query>', 'a question or words, as a person would ask')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--limit <n>', 'results (1–50)', limitOf, 5)
    .option('--kinds <kinds>', `kinds to search, comma-separated (${SEARCH_KINDS.join(', ')})`, kindsOf)
    .option('--json', 'print {items: [{kind, id, external_id, title, snippet, score, url}]}')
    .addHelpText('after', HELP)
    .action(async (query: string, opts: { workspace: string; limit: number; kinds?: SearchKind[]; json?: boolean }) => {
      const items = await withContext(async (ctx) => {
        const workspaceId = (await getWorkspaceBySlug(ctx.db, opts.workspace)).id;
        return searchKnowledge(
          ctx.db,
          { workspaceId, partnerId: null },
          { query, limit: opts.limit, kinds: opts.kinds },
        );
      });
      if (opts.json) {
        console.log(JSON.stringify({ items }));
        return;
      }
      if (items.length === 0) {
        console.log('Nothing found.');
        return;
      }
      for (const [i, hit] of items.entries()) {
        console.log(`${i + 1}. [${hit.kind}] ${hit.external_id ?? hit.id} · ${hit.title} (score ${hit.score})`);
        const snippet = snippetText(hit.snippet);
        if (snippet) console.log(`   ${snippet}`);
      }
    });
}
