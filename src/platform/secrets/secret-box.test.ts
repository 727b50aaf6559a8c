import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.ts';
import { AppError } from '../errors/app-error.ts';
import { isSealed, keyIdOf, SECRET_KEY_BYTES, secretBox } from './secret-box.ts';
import { loadSecretKey, parseKey, SECRET_KEY_FILE } from './secret-key.ts';

const SECRET = 'hubspot-client-secret-0123456789';

describe('secretBox', () => {
  const key = randomBytes(SECRET_KEY_BYTES);
  const box = secretBox(key);

  it('seals a secret that opens again in its context only, never holding the plain text', () => {
    const sealed = box.seal(SECRET, 'webhook-secret:ws1:hubspot');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain(SECRET);
    expect(sealed.startsWith(`sealed:v1:${keyIdOf(key)}:`)).toBe(true);
    expect(box.open(sealed, 'webhook-secret:ws1:hubspot')).toBe(SECRET);
    // A fresh IV each time: the same secret never seals to the same text.
    expect(box.seal(SECRET, 'webhook-secret:ws1:hubspot')).not.toBe(sealed);
    // Copied to another workspace or source, it does not open.
    expect(() => box.open(sealed, 'webhook-secret:ws2:hubspot')).toThrow(/cannot read a secret/);
  });

  it('refuses an altered value, and names both keys when another key sealed it', () => {
    const sealed = box.seal(SECRET, 'c');
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    expect(() => box.open(`${sealed.slice(0, -2)}${last}${sealed.at(-1)}`, 'c')).toThrow(AppError);
    const other = secretBox(randomBytes(SECRET_KEY_BYTES));
    const err = (() => {
      try {
        other.open(sealed, 'c');
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err?.code).toBe('internal');
    expect(err?.message).not.toContain(box.keyId);
    expect(err?.detail).toContain(`sealed with key ${box.keyId}`);
    expect(err?.detail).toContain(`this instance has key ${other.keyId}`);
    expect(err?.detail).toContain('BATON_SECRET_KEY');
  });

  it('reads a secret stored before sealing as it is', () => {
    expect(box.open(SECRET, 'c')).toBe(SECRET);
    expect(isSealed(SECRET)).toBe(false);
  });

  it('takes only a 32-byte key', () => {
    expect(() => secretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('the secret key', () => {
  it('reads 32 bytes as base64 or hex, and refuses anything else naming where it came from', () => {
    const key = randomBytes(32);
    expect(parseKey(key.toString('base64'), 'x')).toEqual(key);
    expect(parseKey(`${key.toString('hex')}\n`, 'x')).toEqual(key);
    expect(parseKey(key.toString('base64url'), 'x')).toEqual(key);
    for (const bad of ['', 'short', randomBytes(16).toString('base64'), 'not base64 at all!'])
      expect(() => parseKey(bad, 'the file')).toThrow(/the file must hold 32 bytes/);
  });

  it('comes from BATON_SECRET_KEY when set, and a bad one stops the start naming the variable', () => {
    const key = randomBytes(32);
    expect(loadConfig({ BATON_SECRET_KEY: key.toString('base64') }).secretKey).toEqual(key);
    expect(loadSecretKey({ secretKey: key, dataDir: '/nonexistent' })).toEqual(key);
    expect(() => loadConfig({ BATON_SECRET_KEY: 'too-short' })).toThrow(ConfigError);
    try {
      loadConfig({ BATON_SECRET_KEY: 'too-short' });
    } catch (e) {
      expect((e as ConfigError).problems.join(' ')).toContain('BATON_SECRET_KEY must hold 32 bytes');
    }
  });

  it('is otherwise made once in the data folder, readable by its owner only, and read again after', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-key-'));
    try {
      const made: string[] = [];
      const first = loadSecretKey({ secretKey: undefined, dataDir: path.join(dataDir, 'new') }, (f) => made.push(f));
      const file = path.join(dataDir, 'new', SECRET_KEY_FILE);
      expect(made).toEqual([file]);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(loadSecretKey({ secretKey: undefined, dataDir: path.join(dataDir, 'new') }, (f) => made.push(f))).toEqual(
        first,
      );
      expect(made).toHaveLength(1);
      // A data folder that cannot be made (root writes anywhere, so: one under a file).
      fs.writeFileSync(path.join(dataDir, 'a-file'), '');
      expect(() => loadSecretKey({ secretKey: undefined, dataDir: path.join(dataDir, 'a-file', 'data') })).toThrow(
        /could not make the secret key .* set BATON_SECRET_KEY/,
      );
      fs.writeFileSync(file, 'broken');
      expect(() => loadSecretKey({ secretKey: undefined, dataDir: path.join(dataDir, 'new') })).toThrow(
        `${file} must hold 32 bytes`,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
