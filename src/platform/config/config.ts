import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { parseKey } from '../secrets/secret-key.ts';

/**
 * Baton's configuration, parsed once from the environment at start-up and frozen.
 * Nothing else in the code reads `process.env`.
 */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** Folder for the SQLite database, backups and the built web app cache. */
  readonly dataDir: string;
  /** `sqlite:<file>` (default, inside dataDir) or a `postgres://` URL. */
  readonly databaseUrl: string;
  readonly demo: boolean;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  /**
   * The session cookie's `Secure` flag: `true` always (production, an `https://` public URL, or
   * `BATON_SECURE_COOKIES=true`), `false` never (`BATON_SECURE_COOKIES=false`), `'auto'` when the request came over
   * HTTPS (directly, or as a trusted proxy says with `X-Forwarded-Proto`).
   */
  readonly secureCookies: boolean | 'auto';
  /** Send `Strict-Transport-Security`: production, an `https://` public URL, or `BATON_SECURE_COOKIES=true`. */
  readonly hsts: boolean;
  /**
   * Which peers' `X-Forwarded-For/-Proto/-Host` are believed (client address, HTTPS, host): `true` any, `false`
   * none, else addresses, subnets (CIDR) and the names `loopback`, `linklocal`, `uniquelocal`.
   */
  readonly trustProxy: boolean | readonly string[];
  readonly sessionTtlHours: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly loginRateLimitPerMinute: number;
  /** Run the job worker and scheduler in this process. */
  readonly jobsEnabled: boolean;
  readonly jobsPollMs: number;
  readonly instanceId: string;
  /**
   * The address people and CRMs reach Baton at (`https://baton.example.com`), when it differs from what
   * a request says.
   */
  readonly publicUrl: string | undefined;
  /** Largest CSV an import upload accepts, in bytes. */
  readonly importMaxBytes: number;
  /** Usage ingest requests one instance holds (waiting or being written) before answering 429. */
  readonly ingestMaxPending: number;
  /** Seconds a refused ingest client is told to wait (`Retry-After`). */
  readonly ingestRetryAfterSeconds: number;
  /** Worker threads reading ingest bodies (0: on the request thread). */
  readonly ingestReadThreads: number;
  /** On a SQLite file, whether usage ingest is stored on a thread of its own. */
  readonly ingestWriteThread: boolean;
  /** On PostgreSQL, usage ingest transactions run at once (SQLite has one writer). */
  readonly ingestPgWriters: number;
  /** Seals stored secrets; from `BATON_SECRET_KEY`, else the data folder's `secret.key` (platform/secrets). */
  readonly secretKey: Buffer | undefined;
  /** The SMTP server alerts are mailed through (`BATON_SMTP_URL`); undefined: email alerts cannot be sent. */
  readonly smtp: SmtpConfig | undefined;
  /** The sender of alert emails (`BATON_SMTP_FROM`). */
  readonly smtpFrom: string;
  /**
   * An OpenAI-compatible chat endpoint that writes the assistant's answers from the passages Baton retrieved
   * (`BATON_LLM_URL`, `BATON_LLM_API_KEY`, `BATON_LLM_MODEL`, all three or none); undefined: answers are extracted
   * on the server and nothing leaves it.
   */
  readonly llm: LlmConfig | undefined;
}

/** A chat-completions endpoint: `POST {url}/chat/completions` with a bearer key and a model name. */
export interface LlmConfig {
  /** The API's base address, without a trailing slash (`https://api.openai.com/v1`). */
  readonly url: string;
  readonly apiKey: string;
  readonly model: string;
  /** How long an answer may take before Baton answers from the passages itself. */
  readonly timeoutMs: number;
}

/** An SMTP server, parsed once from `smtp://user:pass@host:port` (`smtps://` for TLS from the start). */
export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (smtps, usually port 465); otherwise STARTTLS when the server offers it. */
  readonly secure: boolean;
  readonly user: string | undefined;
  readonly pass: string | undefined;
}

const bool = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), {
      message: `${name} must be true or false`,
    })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  HOST: z.string().trim().min(1).optional(),
  PORT: int('PORT', 0, 65535).optional(),
  BATON_DATA_DIR: z.string().trim().min(1).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => /^(postgres(ql)?:\/\/|sqlite:)/.test(v), {
      message: 'DATABASE_URL must start with postgres:// or sqlite:',
    })
    .optional(),
  BATON_DEMO: bool('BATON_DEMO').optional(),
  BATON_ADMIN_EMAIL: z.email('BATON_ADMIN_EMAIL must be an email address').optional(),
  BATON_ADMIN_PASSWORD: z.string().min(10, 'BATON_ADMIN_PASSWORD must be at least 10 characters').optional(),
  BATON_SECURE_COOKIES: bool('BATON_SECURE_COOKIES').optional(),
  BATON_TRUST_PROXY: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const trust = parseTrustProxy(v);
      if (trust === undefined) {
        ctx.addIssue({
          code: 'custom',
          message:
            'BATON_TRUST_PROXY must be true, false, or a comma-separated list of proxy addresses, subnets ' +
            '(10.0.0.0/8) or loopback, linklocal, uniquelocal',
        });
        return z.NEVER;
      }
      return trust;
    })
    .optional(),
  BATON_SESSION_TTL_HOURS: int('BATON_SESSION_TTL_HOURS', 1, 24 * 90).optional(),
  BATON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  BATON_LOGIN_RATE_LIMIT: int('BATON_LOGIN_RATE_LIMIT', 1, 10_000).optional(),
  BATON_JOBS: bool('BATON_JOBS').optional(),
  BATON_JOBS_POLL_MS: int('BATON_JOBS_POLL_MS', 50, 600_000).optional(),
  BATON_INSTANCE_ID: z.string().trim().min(1).max(100).optional(),
  BATON_IMPORT_MAX_MB: int('BATON_IMPORT_MAX_MB', 1, 10_240).optional(),
  BATON_INGEST_MAX_PENDING: int('BATON_INGEST_MAX_PENDING', 1, 100_000).optional(),
  BATON_INGEST_RETRY_AFTER: int('BATON_INGEST_RETRY_AFTER', 1, 300).optional(),
  BATON_INGEST_READ_THREADS: int('BATON_INGEST_READ_THREADS', 0, 16).optional(),
  BATON_INGEST_WRITE_THREAD: bool('BATON_INGEST_WRITE_THREAD').optional(),
  BATON_INGEST_PG_WRITERS: int('BATON_INGEST_PG_WRITERS', 1, 32).optional(),
  BATON_SECRET_KEY: z
    .string()
    .trim()
    .transform((v, ctx) => {
      try {
        return parseKey(v, 'BATON_SECRET_KEY');
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    })
    .optional(),
  BATON_PUBLIC_URL: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^/?#\s]+\/?$/.test(v) && URL.canParse(v), {
      message: 'BATON_PUBLIC_URL must be an http(s) origin such as https://baton.example.com (no path)',
    })
    .transform((v) => v.replace(/\/$/, ''))
    .optional(),
  BATON_SMTP_URL: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const smtp = parseSmtpUrl(v);
      if (!smtp) {
        ctx.addIssue({ code: 'custom', message: 'BATON_SMTP_URL must look like smtp://user:pass@host:587' });
        return z.NEVER;
      }
      return smtp;
    })
    .optional(),
  BATON_SMTP_FROM: z.email('BATON_SMTP_FROM must be an email address').optional(),
  BATON_LLM_URL: z
    .string()
    .trim()
    .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), {
      message: 'BATON_LLM_URL must be an http(s) address such as https://api.openai.com/v1',
    })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  BATON_LLM_API_KEY: z.string().trim().min(1).max(4096).optional(),
  BATON_LLM_MODEL: z.string().trim().min(1).max(200).optional(),
  BATON_LLM_TIMEOUT_MS: int('BATON_LLM_TIMEOUT_MS', 100, 600_000).optional(),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Baton cannot start: configuration is invalid.\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment into a frozen Config, or throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const cleaned = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? 'environment');
        return i.message.includes(name) ? i.message : `${name}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  const nodeEnv = e.NODE_ENV ?? 'development';
  const dataDir = path.resolve(cwd, e.BATON_DATA_DIR ?? 'data');
  const production = nodeEnv === 'production';
  const httpsPublicUrl = e.BATON_PUBLIC_URL?.startsWith('https://') === true;
  const alwaysSecure = production || httpsPublicUrl;
  const llmSet = [e.BATON_LLM_URL, e.BATON_LLM_API_KEY, e.BATON_LLM_MODEL].filter((v) => v !== undefined).length;
  if (llmSet !== 0 && llmSet !== 3) {
    throw new ConfigError([
      'BATON_LLM_URL, BATON_LLM_API_KEY and BATON_LLM_MODEL: set all three for written answers, or none',
    ]);
  }
  if (production && e.BATON_ADMIN_EMAIL && !e.BATON_ADMIN_PASSWORD) {
    throw new ConfigError(['BATON_ADMIN_PASSWORD: required in production when BATON_ADMIN_EMAIL is set']);
  }
  return Object.freeze({
    env: nodeEnv,
    host: e.HOST ?? '127.0.0.1',
    port: e.PORT ?? 3000,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'baton.db')}`,
    demo: e.BATON_DEMO ?? true,
    adminEmail: e.BATON_ADMIN_EMAIL,
    adminPassword: e.BATON_ADMIN_PASSWORD,
    secureCookies: e.BATON_SECURE_COOKIES ?? (alwaysSecure ? true : 'auto'),
    hsts: e.BATON_SECURE_COOKIES ?? alwaysSecure,
    trustProxy: e.BATON_TRUST_PROXY ?? ['loopback'],
    sessionTtlHours: e.BATON_SESSION_TTL_HOURS ?? 168,
    logLevel: e.BATON_LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    loginRateLimitPerMinute: e.BATON_LOGIN_RATE_LIMIT ?? 10,
    jobsEnabled: e.BATON_JOBS ?? true,
    jobsPollMs: e.BATON_JOBS_POLL_MS ?? 1000,
    instanceId: e.BATON_INSTANCE_ID ?? `${os.hostname()}-${process.pid}`,
    publicUrl: e.BATON_PUBLIC_URL,
    importMaxBytes: (e.BATON_IMPORT_MAX_MB ?? 50) * 1024 * 1024,
    ingestMaxPending: e.BATON_INGEST_MAX_PENDING ?? 200,
    ingestRetryAfterSeconds: e.BATON_INGEST_RETRY_AFTER ?? 2,
    ingestReadThreads: e.BATON_INGEST_READ_THREADS ?? 1,
    ingestWriteThread: e.BATON_INGEST_WRITE_THREAD ?? true,
    ingestPgWriters: e.BATON_INGEST_PG_WRITERS ?? 2,
    secretKey: e.BATON_SECRET_KEY,
    smtp: e.BATON_SMTP_URL,
    smtpFrom: e.BATON_SMTP_FROM ?? 'baton@localhost',
    llm:
      e.BATON_LLM_URL && e.BATON_LLM_API_KEY && e.BATON_LLM_MODEL
        ? Object.freeze({
            url: e.BATON_LLM_URL,
            apiKey: e.BATON_LLM_API_KEY,
            model: e.BATON_LLM_MODEL,
            timeoutMs: e.BATON_LLM_TIMEOUT_MS ?? 20_000,
          })
        : undefined,
  });
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `true`, `false`, or a list of addresses, CIDR subnets and proxy-addr's names; undefined when not one of those. */
export function parseTrustProxy(text: string): boolean | string[] | undefined {
  const v = text.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no', ''].includes(v)) return false;
  const entries = v.split(',').map((s) => s.trim());
  const valid = (entry: string): boolean => {
    if (PROXY_NAMES.has(entry)) return true;
    const [address = '', bits, ...rest] = entry.split('/');
    const family = net.isIP(address);
    if (family === 0 || rest.length > 0) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  };
  return entries.every(valid) ? entries : undefined;
}

/** An SMTP server from `smtp://user:pass@host:port` or `smtps://…`; undefined when it is not one. */
export function parseSmtpUrl(text: string): SmtpConfig | undefined {
  if (!URL.canParse(text)) return undefined;
  const u = new URL(text);
  if ((u.protocol !== 'smtp:' && u.protocol !== 'smtps:') || !u.hostname) return undefined;
  if ((u.pathname !== '' && u.pathname !== '/') || u.search || u.hash) return undefined;
  const secure = u.protocol === 'smtps:';
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    user: u.username ? decodeURIComponent(u.username) : undefined,
    pass: u.password ? decodeURIComponent(u.password) : undefined,
  };
}

/** A database URL safe to print: the password is replaced by ***. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
