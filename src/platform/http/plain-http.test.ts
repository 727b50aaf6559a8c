import { describe, expect, it } from 'vitest';
import { isLoopbackHost, plainHttpWarning } from './plain-http.ts';

describe('plain HTTP beyond this machine', () => {
  it.each(['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])(
    '%s is this machine only',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each(['0.0.0.0', '::', '10.0.0.5', '192.168.1.20', 'baton.internal', '::ffff:10.0.0.1'])(
    '%s reaches beyond it',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it('warns on a non-loopback address without an https:// public URL, and only then', () => {
    expect(plainHttpWarning({ host: '0.0.0.0', publicUrl: undefined })).toMatch(
      /^Baton listens on 0\.0\.0\.0 over plain HTTP .* set BATON_PUBLIC_URL=https:\/\//,
    );
    expect(plainHttpWarning({ host: '0.0.0.0', publicUrl: 'http://baton.lan' })).toBeDefined();
    expect(plainHttpWarning({ host: '0.0.0.0', publicUrl: 'https://baton.example.com' })).toBeUndefined();
    expect(plainHttpWarning({ host: '127.0.0.1', publicUrl: undefined })).toBeUndefined();
  });
});
