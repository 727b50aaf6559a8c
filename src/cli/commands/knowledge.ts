import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_GAP_OPTIONS, knowledgeGaps } from '../../modules/knowledge/index.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';
import { day } from '../day-option.ts';

const HELP = `
Gaps are clusters of alike how-to and configuration tickets (by the cosine of their term vectors) that no published
article answers: an article answers a cluster when it holds --answered-at of the cluster's key terms.

Examples:
  baton knowledge gaps --workspace acme
  baton knowledge gaps --workspace acme --days 30 --min-size 5 --json`;

const wholeNumber = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
  return n;
};
const share = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0.05 || n > 1) throw new InvalidArgumentError('a share from 0.05 to 1');
  return n;
};

interface GapOptions {
  workspace: string;
  days: number;
  minSize: number;
  answeredAt: number;
  on?: string;
  json?: boolean;
}

/** `baton knowledge gaps`: repetitive questions without an article, largest first. */
export function knowledgeCommand(): Command {
  const knowledge = new Command('knowledge').description('The knowledge base: the questions it does not answer yet');
  knowledge
    .command('gaps')
    .description(
      'Clusters of repetitive how-to and configuration tickets that no published article answers, largest first',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--days <n>', 'tickets of the last days (7–365)', wholeNumber(7, 365), DEFAULT_GAP_OPTIONS.days)
    .option(
      '--min-size <n>',
      'fewest alike questions that make a cluster (2–100)',
      wholeNumber(2, 100),
      DEFAULT_GAP_OPTIONS.minSize,
    )
    .option(
      '--answered-at <share>',
      'share of key terms an article must hold to answer a cluster',
      share,
      DEFAULT_GAP_OPTIONS.answeredAt,
    )
    .option('--on <date>', 'the last day of the tickets read, YYYY-MM-DD (today when left out)')
    .option('--json', 'print {questions, clusters, answered, gaps: [{tickets, representative, samples, accounts, …}]}')
    .addHelpText('after', HELP)
    .action(async (opts: GapOptions) => {
      const now = opts.on === undefined ? new Date() : new Date(`${day('--on', opts.on)}T23:59:59.999Z`);
      const found = await withContext(async (ctx) => {
        const workspaceId = (await getWorkspaceBySlug(ctx.db, opts.workspace)).id;
        return knowledgeGaps(ctx.db, workspaceId, now, {
          ...DEFAULT_GAP_OPTIONS,
          days: opts.days,
          minSize: opts.minSize,
          answeredAt: opts.answeredAt,
        });
      });
      if (opts.json) {
        console.log(JSON.stringify(found));
        return;
      }
      console.log(found.sentence);
      for (const [i, gap] of found.gaps.entries()) {
        console.log(`${i + 1}. ${gap.sentence}`);
        const accounts = gap.accounts.map((a) => `${a.name} (${a.tickets})`).join(', ');
        if (accounts) console.log(`   accounts: ${accounts}`);
        console.log(`   tickets: ${[gap.representative, ...gap.samples].map((s) => s.externalId).join(', ')}`);
        console.log(
          gap.draftFrom
            ? `   draft an article: POST /api/v1/knowledge/articles/from-ticket/${gap.draftFrom}`
            : '   no ticket of it is resolved yet to draft an article from',
        );
      }
    });
  return knowledge;
}
