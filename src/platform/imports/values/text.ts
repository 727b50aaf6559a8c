/** Trims and folds every run of whitespace (tabs, line breaks, no-break spaces) into one space. */
export const foldText = (raw: string): string => raw.replace(/\s+/g, ' ').trim();

/** Folded text, or null when nothing but whitespace is left. */
export function cleanText(raw: string | undefined): string | null {
  const text = raw === undefined ? '' : foldText(raw);
  return text === '' ? null : text;
}

/** Splits a multi-value cell (`A; B;;b`) into folded, non-blank values, keeping the first of equal ones. */
export function splitList(raw: string, separator = ';'): string[] {
  const seen = new Set<string>();
  const values: string[] = [];
  for (const part of raw.split(separator)) {
    const value = cleanText(part);
    if (value !== null && !seen.has(value)) {
      seen.add(value);
      values.push(value);
    }
  }
  return values;
}
