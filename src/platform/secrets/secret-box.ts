/**
 * Secrets Baton must read back (a CRM's webhook secret signs every delivery, so it cannot be hashed) are stored
 * sealed: AES-256-GCM under the instance's secret key, bound to where they are stored (the `context`), so a
 * sealed value copied to another row or workspace does not open. Pure: the key comes from secret-key.ts.
 *
 * A value that does not open is a fault of the instance, not of the request: an internal error, logged with why.
 *
 * A sealed value reads `sealed:v1:<key id>:<base64url of iv, tag and ciphertext>`. The key id (the first 8 hex
 * digits of the key's SHA-256) tells, when a value does not open, whether another key sealed it.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error.ts';

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;

export interface SecretBox {
  /** Identifies the key without revealing it. */
  readonly keyId: string;
  seal(plain: string, context: string): string;
  /** A sealed value's text; a value stored before sealing existed is returned as it is. */
  open(stored: string, context: string): string;
}

/** What a caller is told; the log says why. */
const UNREADABLE = 'this Baton instance cannot read a secret it stored; its administrator finds why in the log';

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

/** The id of the key that sealed a value; undefined for a value stored plain. */
export const sealedWith = (stored: string): string | undefined =>
  isSealed(stored) ? stored.slice(PREFIX.length).split(':')[0] : undefined;

export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== SECRET_KEY_BYTES) throw new Error(`a secret key has ${SECRET_KEY_BYTES} bytes, not ${key.length}`);
  const keyId = keyIdOf(key);
  return {
    keyId,
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const text = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), text]).toString('base64url')}`;
    },
    open(stored, context) {
      if (!isSealed(stored)) return stored;
      const [id, data] = stored.slice(PREFIX.length).split(':');
      if (id !== keyId) {
        const why = `a secret was sealed with key ${id}, and this instance has key ${keyId}: give every instance the same BATON_SECRET_KEY (or the data folder's secret.key), or set the secret again`;
        throw new AppError('internal', UNREADABLE, { detail: why });
      }
      const raw = Buffer.from(data ?? '', 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        const why =
          'a stored secret does not open with this instance’s key (altered, or moved from where it was set): set the secret again';
        throw new AppError('internal', UNREADABLE, { detail: why });
      }
    },
  };
}
