import { picklistKey } from './picklist.ts';
import { fail, ok, type Parsed } from './parsed.ts';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Reserved, withdrawn and private-use codes the runtime also names (UK, FX, YU, EU …): not country codes today. */
const NOT_COUNTRIES = new Set(
  ['AC', 'CP', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'TA', 'UK', 'UN', 'XA', 'XB', 'ZZ'].concat([
    'AN',
    'BU',
    'CS',
    'DD',
    'DY',
    'FX',
    'HV',
    'NH',
    'RH',
    'SU',
    'TP',
    'VD',
    'YD',
    'YU',
    'ZR',
  ]),
);

/** Every ISO 3166 code the runtime names, by the key of its English name, plus common other spellings. */
const BY_NAME: ReadonlyMap<string, string> = (() => {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const map = new Map<string, string>();
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const code = a + b;
      const name = names.of(code);
      if (name && name !== code && !NOT_COUNTRIES.has(code)) map.set(picklistKey(name), code);
    }
  }
  const other: Record<string, string> = {
    usa: 'US',
    'united states of america': 'US',
    america: 'US',
    uk: 'GB',
    'great britain': 'GB',
    england: 'GB',
    scotland: 'GB',
    wales: 'GB',
    'northern ireland': 'GB',
    holland: 'NL',
    'south korea': 'KR',
    korea: 'KR',
    russia: 'RU',
    turkey: 'TR',
    'czech republic': 'CZ',
    uae: 'AE',
    myanmar: 'MM',
    burma: 'MM',
    'hong kong': 'HK',
    macau: 'MO',
    macao: 'MO',
    'democratic republic of the congo': 'CD',
    'republic of the congo': 'CG',
    'ivory coast': 'CI',
    'saint kitts and nevis': 'KN',
    'saint lucia': 'LC',
    'saint vincent and the grenadines': 'VC',
    'trinidad and tobago': 'TT',
    'bosnia and herzegovina': 'BA',
    'antigua and barbuda': 'AG',
    palestine: 'PS',
    vatican: 'VA',
  };
  for (const [name, code] of Object.entries(other)) map.set(picklistKey(name), code);
  return map;
})();

const CODES = new Set(BY_NAME.values());

/**
 * Reads a country as its ISO 3166-1 alpha-2 code: a code in any case (`us`), or an English name (`United
 * States`, `Germany`, `UK`). Blank gives null; an unknown name is an error, never a guess. `aliases` maps
 * other spellings (`{ 'Deutschland': 'DE' }`).
 */
export function parseCountry(raw: string, aliases: Readonly<Record<string, string>> = {}): Parsed<string | null> {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return ok(null);
  for (const [spelling, code] of Object.entries(aliases)) {
    if (picklistKey(spelling) === picklistKey(text) && CODES.has(code.trim().toUpperCase()))
      return ok(code.trim().toUpperCase());
  }
  if (/^[a-z]{2}$/i.test(text) && CODES.has(text.toUpperCase())) return ok(text.toUpperCase());
  const code = BY_NAME.get(picklistKey(text));
  return code
    ? ok(code)
    : fail(
        `"${text}" is not a country Baton knows; use its ISO 3166 code (US, GB, DE …) or an alias, e.g. country:"${text}"=US`,
      );
}

/** Aliases whose target is not an ISO 3166 code. */
export function countryAliasProblems(aliases: Readonly<Record<string, string>>): string[] {
  return Object.entries(aliases)
    .filter(([, code]) => !CODES.has(code.trim().toUpperCase()))
    .map(
      ([spelling, code]) =>
        `aliases.country: "${spelling}" is given as "${code}", which is not an ISO 3166 country code`,
    );
}
