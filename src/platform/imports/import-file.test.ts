import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.ts';
import { checkRequest, kindView } from './import-file.ts';
import type { Importer } from './importer.ts';

const usageLike: Importer = {
  kind: 'usage',
  takes: ['mapping'],
  formats: ['usage', 'mapped'],
  fields: [],
  aliasFields: [],
  defaultFields: [],
  options: [
    { name: 'source', description: 'where rows come from', default: 'csv', pattern: /^[a-z]+$/, maxLength: 12 },
  ],
  files: [{ name: 'subscriptions', description: 'a join table' }],
  run: async () => {
    throw new Error('not run here');
  },
};

const flag = (option: string) => `--${option}`;

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return error.fieldErrors.map((f) => `${f.field}: ${f.message}`);
    throw error;
  }
  return [];
};

describe('checkRequest: one check of a request, whichever door it came through', () => {
  it("fills in the kind's own options' defaults and keeps what it takes", () => {
    const request = checkRequest(usageLike, { request: { mapping: { Day: 'day' } }, name: flag });
    expect(request).toMatchObject({ mapping: { Day: 'day' }, options: { source: 'csv' } });
    const given = checkRequest(usageLike, { request: { options: { source: 'warehouse' } }, name: flag });
    expect(given.options).toEqual({ source: 'warehouse' });
  });

  it('names every option the kind does not take, every bad value and every unknown file, as the caller names them', () => {
    expect(
      problemsOf(() =>
        checkRequest(usageLike, {
          request: {
            decimal: ',',
            options: { source: 'much-too-long', colour: 'red' },
            files: { accounts: { name: 'a.csv', open: () => '' } },
          },
          name: flag,
        }),
      ),
    ).toEqual([
      '--decimal: an import of usage takes no such option',
      '--source: is longer than 12 characters',
      '--colour: an import of usage takes no such option',
      '--accounts: an import of usage reads no such file',
    ]);
    expect(problemsOf(() => checkRequest(usageLike, { request: { options: { source: 'a-b' } }, name: flag }))).toEqual([
      '--source: "a-b" does not match ^[a-z]+$',
    ]);
  });

  it('lets an importer that says nothing of what it takes have every common option, for it to refuse', () => {
    const quiet: Importer = { ...usageLike, takes: undefined, options: undefined };
    expect(checkRequest(quiet, { request: { decimal: ',', currency: 'EUR' }, name: flag })).toMatchObject({
      decimal: ',',
      currency: 'EUR',
    });
    expect(kindView(quiet)).toMatchObject({ kind: 'usage', label: 'Usage', access: 'imports:run', preview: false });
    expect(kindView(quiet).takes).toContain('dateOrder');
  });
});
