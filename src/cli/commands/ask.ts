import { Command } from 'commander';
import { accountsByReference } from '../../modules/accounts/index.ts';
import { answerQuestion } from '../../modules/knowledge/index.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const HELP = `
The answer is drawn from the published articles and, for an account or a project, from its handoff brief, its
projects' decisions and lessons and the lessons of similar past implementations. Every sentence cites its source.
Without BATON_LLM_URL, BATON_LLM_API_KEY and BATON_LLM_MODEL the sentences are taken from the sources as written
and nothing leaves the server; with them, that chat model writes the answer from the same sources.
When nothing found answers the question, the answer is "I don't know" with what was searched.

Examples:
  baton ask "How do I rotate the SAML certificate?" --workspace acme
  baton ask "What went wrong with NetSuite before?" --workspace acme --account 0011x000003DHP0 --json`;

export function askCommand(): Command {
  return new Command('ask')
    .description('Ask the implementation assistant a question; the answer cites its sources')
    .argument('<question>', 'the question, as a person would ask it')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--account <id>', 'the account the question is about: its Baton id or its CRM id')
    .option('--project <id>', 'the project the question is about')
    .option('--json', 'print {answer: [{sentence, citations}], sources, mode, known, searched, note}')
    .addHelpText('after', HELP)
    .action(
      async (question: string, opts: { workspace: string; account?: string; project?: string; json?: boolean }) => {
        const answer = await withContext(async (ctx) => {
          const workspaceId = (await getWorkspaceBySlug(ctx.db, opts.workspace)).id;
          let accountId: string | undefined;
          if (opts.account) {
            accountId = (await accountsByReference(ctx.db, workspaceId, [opts.account])).get(opts.account);
            if (!accountId) throw AppError.validation('--account', `no account has the id or CRM id ${opts.account}`);
          }
          return answerQuestion(
            ctx.db,
            { workspaceId, partnerId: null },
            { question, accountId, projectId: opts.project },
            { llm: ctx.config.llm, today: ctx.now().toISOString().slice(0, 10) },
          );
        });
        if (opts.json) {
          console.log(JSON.stringify(answer));
          return;
        }
        for (const s of answer.answer) console.log(`${s.sentence}${s.citations.map((n) => ` [${n}]`).join('')}`);
        if (answer.note) console.log(`\n(${answer.note})`);
        if (answer.sources.length) console.log('\nSources:');
        for (const src of answer.sources) console.log(`  [${src.n}] ${src.kind} · ${src.title} (${src.url})`);
        if (answer.mode === 'llm') console.log('\nWritten by the configured language model from these sources.');
      },
    );
}
