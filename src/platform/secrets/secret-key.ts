import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { AppError } from '../errors/app-error.ts';
import { SECRET_KEY_BYTES } from './secret-box.ts';

export const SECRET_KEY_FILE = 'secret.key';

/**
 * The instance's secret key: `BATON_SECRET_KEY` when set, else the data folder's `secret.key`, made on first use
 * (32 random bytes, base64, readable by its owner only). Instances sharing one PostgreSQL database need the same key.
 */
export function loadSecretKey(config: Pick<Config, 'secretKey' | 'dataDir'>, onMade?: (file: string) => void): Buffer {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  const existing = readKeyFile(file);
  if (existing) return existing;
  try {
    // The folder holds the database too: readable by its owner only, as far as it is made here.
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    // `wx`: two processes starting at once never overwrite each other's key; the second reads the first's.
    fs.writeFileSync(file, `${randomBytes(SECRET_KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    onMade?.(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST')
      throw new AppError(
        'unavailable',
        `could not make the secret key ${file} (${code ?? (err as Error).message}): make BATON_DATA_DIR writable, or set BATON_SECRET_KEY`,
        { cause: err },
      );
  }
  const made = readKeyFile(file);
  if (!made) throw new AppError('unavailable', `the secret key ${file} vanished as it was made`);
  return made;
}

/** The instance's key where there is one, and where it comes from, without making one (`baton restore` reports it). */
export function findSecretKey(
  config: Pick<Config, 'secretKey' | 'dataDir'>,
): { key: Buffer; from: string } | undefined {
  if (config.secretKey) return { key: config.secretKey, from: 'BATON_SECRET_KEY' };
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  const key = readKeyFile(file);
  return key && { key, from: file };
}

/** The key a file holds; undefined when there is no such file (or folder). A file that is not a key stops the start. */
function readKeyFile(file: string): Buffer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new AppError('unavailable', `could not read the secret key ${file} (${code ?? (err as Error).message})`, {
      cause: err,
    });
  }
  try {
    return parseKey(text, file);
  } catch (err) {
    throw new AppError('unavailable', (err as Error).message);
  }
}

/** 32 bytes written as base64 or as 64 hex digits; anything else is refused with where it came from. */
export function parseKey(text: string, from: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t)
    ? Buffer.from(t, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(t)
      ? Buffer.from(t, 'base64')
      : Buffer.alloc(0);
  if (key.length !== SECRET_KEY_BYTES)
    throw new Error(
      `${from} must hold ${SECRET_KEY_BYTES} bytes as base64 or 64 hex digits (make one with: openssl rand -base64 32)`,
    );
  return key;
}
