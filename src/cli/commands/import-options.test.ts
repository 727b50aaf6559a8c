import { describe, expect, it } from 'vitest';
import { aliasPairs, pairs } from './import-options.ts';

describe('left=right options of the command line', () => {
  it('keeps names of Object.prototype members as given, and pollutes nothing', () => {
    const mapping = pairs('--map', ['__proto__=name', 'constructor=segment', 'toString=domain']);
    expect(Object.entries(mapping ?? {})).toEqual([
      ['__proto__', 'name'],
      ['constructor', 'segment'],
      ['toString', 'domain'],
    ]);
    const aliases = aliasPairs(
      ['__proto__:polluted=yes', 'constructor:x=smb', 'segment:valueOf=smb'],
      'segment:Mid-Market=mid_market',
    );
    expect(Object.entries(aliases ?? {}).map(([field, table]) => [field, Object.entries(table)])).toEqual([
      ['__proto__', [['polluted', 'yes']]],
      ['constructor', [['x', 'smb']]],
      ['segment', [['valueOf', 'smb']]],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
