import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.ts';
import { SECRET_KEY_BYTES } from './secret-box.ts';

export const SECRET_KEY_FILE = 'secret.key';

/**
 * The instance's secret key: `BATON_SECRET_KEY` when set, else the data folder's `secret.key`, made on first use
 * (32 random bytes, base64, readable by its owner only). Instances sharing one PostgreSQL database need the same key.
 */
export function loadSecretKey(config: Pick<Config, 'secretKey' | 'dataDir'>, onMade?: (file: string) => void): Buffer {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, SECRET_KEY_FILE);
  try {
    return parseKey(fs.readFileSync(file, 'utf8'), file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    // `wx`: two processes starting at once never overwrite each other's key; the second reads the first's.
    fs.writeFileSync(file, `${randomBytes(SECRET_KEY_BYTES).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    onMade?.(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return parseKey(fs.readFileSync(file, 'utf8'), file);
}

/** 32 bytes written as base64 or as 64 hex digits; anything else is refused with where it came from. */
export function parseKey(text: string, from: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : /^[A-Za-z0-9+/_-]+={0,2}$/.test(t) ? Buffer.from(t, 'base64') : Buffer.alloc(0);
  if (key.length !== SECRET_KEY_BYTES) throw new Error(`${from} must hold ${SECRET_KEY_BYTES} bytes as base64 or 64 hex digits (make one with: openssl rand -base64 32)`);
  return key;
}
