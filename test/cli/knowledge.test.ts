import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';

let cli: CliWorkspace;
beforeAll(async () => {
  cli = await cliWorkspace('kb');
});
afterAll(async () => cli?.close());

const json = (args: string[]) => {
  const r = baton([...args, '--json'], cli.env);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('baton import articles / baton search', () => {
  it('imports a folder of Markdown files, again unchanged, and answers a question best first', () => {
    const folder = path.join(cli.dir, 'help-centre');
    fs.mkdirSync(folder);
    fs.writeFileSync(
      path.join(folder, 'rotate-saml-certificate.md'),
      '---\ntitle: Rotate the SAML signing certificate\ntags: product:sso, security\n---\nUpload the new ' +
        'certificate before the old one expires.\n',
    );
    fs.writeFileSync(
      path.join(folder, 'hubspot.md'),
      '# Connect HubSpot\n\nAuthorize Baton in HubSpot; companies and deals sync every hour.\n',
    );
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not an article');
    fs.writeFileSync(path.join(folder, 'broken.md'), '---\ntags: a\n---\n');

    // Some rows were rejected: the report is printed and the command exits 3, as every import does.
    const first = baton(['import', 'articles', folder, '--workspace', 'kb', '--json'], cli.env);
    expect(first.status, first.stderr).toBe(3);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ format: 'markdown', created: 2, rejected: 1 });
    expect(report.errors).toEqual([{ row: 1, field: 'title', reason: 'is empty' }]);
    expect(report.notes.join(' ')).toContain('1 file in the folder not Markdown');
    fs.rmSync(path.join(folder, 'broken.md'));
    expect(json(['import', 'articles', folder, '--workspace', 'kb'])).toMatchObject({ created: 0, unchanged: 2 });

    const found = json(['search', 'How can I renew the certificate for SAML?', '--workspace', 'kb', '--limit', '5']);
    expect(found.items[0]).toMatchObject({ kind: 'article', external_id: 'rotate-saml-certificate' });
    expect(found.items[0].snippet).toContain('<mark>');

    const text = baton(['search', 'hubspot deals', '--workspace', 'kb'], cli.env);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^1\. \[article\] hubspot · Connect HubSpot \(score [\d.]+\)/);
    expect(text.stdout).not.toContain('<mark>');
  });

  it('refuses a bad limit, and says when nothing is found', () => {
    const bad = baton(['search', 'sso', '--workspace', 'kb', '--limit', '0'], cli.env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--limit');
    const none = baton(['search', 'the of and', '--workspace', 'kb'], cli.env);
    expect(none.status, none.stderr).toBe(0);
    expect(none.stdout.trim()).toBe('Nothing found.');
  });
});

describe('baton ask', () => {
  it('answers from the articles with citations, in words or JSON, and says when it does not know', () => {
    const answer = json(['ask', 'How do I rotate the SAML signing certificate?', '--workspace', 'kb']);
    expect(answer).toMatchObject({ mode: 'extractive', known: true });
    expect(answer.sources[0]).toMatchObject({ n: 1, kind: 'article', title: 'Rotate the SAML signing certificate' });
    expect(answer.answer[0]).toEqual({
      sentence: 'Upload the new certificate before the old one expires.',
      citations: [1],
    });
    const text = baton(['ask', 'How do I rotate the SAML signing certificate?', '--workspace', 'kb'], cli.env);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Upload the new certificate before the old one expires. [1]');
    expect(text.stdout).toContain('[1] article · Rotate the SAML signing certificate');
    const unknown = json(['ask', 'Who painted the Mona Lisa?', '--workspace', 'kb']);
    expect(unknown.known).toBe(false);
    expect(unknown.answer[0].sentence).toMatch(/^I don’t know\./);
    const noAccount = baton(['ask', 'sso', '--workspace', 'kb', '--account', 'nobody'], cli.env);
    expect(noAccount.status).not.toBe(0);
    expect(noAccount.stderr).toContain('no account has the id or CRM id nobody');
  });
});

describe('baton knowledge gaps', () => {
  it('prints repetitive questions without an article, and the same as JSON', () => {
    // The command reads the 90 days up to --on.
    const day = (ago: number) => new Date(Date.parse('2026-03-20T12:00:00Z') - ago * 86_400_000).toISOString();
    const file = path.join(cli.dir, 'questions.csv');
    fs.writeFileSync(
      file,
      [
        'external_id,subject,description,category,status,organization,created_at,solved_at',
        `Q1,How do I export a report to Excel?,Finance wants it monthly.,how_to,solved,Acme,${day(9)},${day(8)}`,
        `Q2,Export report to Excel,Where is the export button?,how_to,open,Acme,${day(6)},`,
        `Q3,Can we export reports to Excel,We need the report in Excel.,how_to,open,Acme,${day(3)},`,
        `Q4,Invoice is wrong,Billing question.,billing,open,Acme,${day(2)},`,
      ].join('\n'),
    );
    const imported = baton(['import', 'tickets', file, '--workspace', 'kb', '--json'], cli.env);
    expect(imported.status, imported.stderr).toBe(0);

    const found = json(['knowledge', 'gaps', '--workspace', 'kb', '--on', '2026-03-20']);
    expect(found).toMatchObject({ questions: 3, clusters: 1, answered: 0 });
    expect(found.gaps[0]).toMatchObject({ tickets: 3 });
    expect(found.gaps[0].draftFrom).toEqual(expect.any(String));

    const text = baton(['knowledge', 'gaps', '--workspace', 'kb', '--on', '2026-03-20'], cli.env);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Of 3 how-to or configuration tickets in the last 90 days, 1 cluster');
    expect(text.stdout).toMatch(/1\. 3 tickets from 0 accounts \(and 3 without one\) ask like “.+”/);
    expect(text.stdout).toContain('draft an article: POST /api/v1/knowledge/articles/from-ticket/');

    const bad = baton(['knowledge', 'gaps', '--workspace', 'kb', '--days', '1'], cli.env);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--days');
    const badDay = baton(['knowledge', 'gaps', '--workspace', 'kb', '--on', '2026-02-30'], cli.env);
    expect(badDay.status).not.toBe(0);
    expect(badDay.stderr).toContain('--on');
  });
});
