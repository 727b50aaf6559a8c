import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baton, BATON_BIN, type CliResult, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';
import { httpReceiver, smtpReceiver } from '../helpers/receivers.ts';

let cli: CliWorkspace;
beforeAll(async () => {
  cli = await cliWorkspace('alerts-cli');
});
afterAll(async () => cli?.close());

const run = (args: string[]) => baton(args, cli.env);

/** Runs `baton` without blocking this process, so the receivers started here can answer it. */
function batonAsync(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BATON_BIN, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BATON_LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('baton alerts', () => {
  it('adds subscriptions (printing each id), refuses bad ones naming the flag, lists them', () => {
    const added = run([
      'alerts',
      'add',
      '--workspace',
      'alerts-cli',
      '--email',
      'cs@acme.example',
      '--severity',
      'severe',
    ]);
    expect(added.status, added.stderr).toBe(0);
    const id = added.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const noSecret = run(['alerts', 'add', '--workspace', 'alerts-cli', '--webhook', 'https://ops.acme.example/b']);
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr).toContain('--secret');
    const badStage = run([
      'alerts',
      'add',
      '--workspace',
      'alerts-cli',
      '--email',
      'x@acme.example',
      '--stages',
      'nope',
    ]);
    expect(badStage.status).toBe(2);
    expect(badStage.stderr).toContain('--stages');
    const list = run(['alerts', 'list', '--workspace', 'alerts-cli']);
    expect(list.stdout.trim().split('\n')).toEqual([
      [id, 'email', 'cs@acme.example', 'all stages', 'severe+', 'immediate', 'enabled'].join('\t'),
    ]);
  });

  it('changes a subscription’s channel and address, refusing a bad one naming the flag', () => {
    const added = run(['alerts', 'add', '--workspace', 'alerts-cli', '--email', 'moving@acme.example']);
    expect(added.status, added.stderr).toBe(0);
    const id = added.stdout.trim();
    const update = (...args: string[]) => run(['alerts', 'update', id, '--workspace', 'alerts-cli', ...args]);
    const noSecret = update('--webhook', 'https://ops.acme.example/b');
    expect(noSecret.status).toBe(2);
    expect(noSecret.stderr).toContain('--secret');
    const badAddress = update('--email', 'nobody');
    expect(badAddress.status).toBe(2);
    expect(badAddress.stderr).toContain('--slack/--email/--webhook: must be an email address');
    expect(update('--slack', 'https://a.example/x', '--email', 'x@acme.example').status).toBe(2);

    const moved = update('--slack', 'https://hooks.slack.com/services/T0/B0/m0ved', '--severity', 'severe');
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stdout.trim()).toBe([id, 'slack', 'https://hooks.slack.com/…0ved', 'enabled'].join('\t'));
    const list = run(['alerts', 'list', '--workspace', 'alerts-cli']).stdout.trim().split('\n');
    expect(list).toContain(
      [id, 'slack', 'https://hooks.slack.com/…0ved', 'all stages', 'severe+', 'immediate', 'enabled'].join('\t'),
    );
    const hook = update('--webhook', 'https://ops.acme.example/in', '--secret', 'whsec_cli_0123456789', '--disable');
    expect(hook.stdout.trim()).toBe([id, 'webhook', 'https://ops.acme.example/in', 'disabled'].join('\t'));
    expect(run(['alerts', 'update', 'f'.repeat(8), '--workspace', 'alerts-cli', '--enable']).status).toBe(1);
  });

  it('sends a test through every channel and prints what each answered', async () => {
    const hook = await httpReceiver();
    const slack = await httpReceiver();
    const smtp = await smtpReceiver();
    try {
      slack.answer(403, 'invalid_token');
      const ws = await cliWorkspace('alerts-test');
      try {
        const env = { ...ws.env, BATON_SMTP_URL: smtp.url };
        const add = (args: string[]) => {
          const r = baton(['alerts', 'add', '--workspace', 'alerts-test', ...args], env);
          expect(r.status, r.stderr).toBe(0);
        };
        add(['--webhook', `${hook.url}/in`, '--secret', 'whsec_cli_0123456789']);
        add(['--slack', `${slack.url}/services/T/B/c`]);
        add(['--email', 'ops@acme.example']);
        const r = await batonAsync(['alerts', 'test', '--workspace', 'alerts-test'], env);
        expect(r.status).toBe(1);
        const lines = r.stdout
          .trim()
          .split('\n')
          .map((l) => l.split('\t'));
        expect(lines.map((l) => [l[0], l[1], l[3]])).toEqual([
          ['ok', 'webhook', '200'],
          ['FAILED', 'slack', '403'],
          ['ok', 'email', '250'],
        ]);
        expect(lines[1]![4]).toBe('invalid_token');
        expect(hook.received).toHaveLength(1);
        expect(smtp.mails.map((m) => m.to)).toEqual([['ops@acme.example']]);
      } finally {
        await ws.close();
      }
    } finally {
      await hook.close();
      await slack.close();
      await smtp.close();
    }
  });
});
