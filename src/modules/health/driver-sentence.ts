/**
 * A driver of an account's churn risk said in words, for people who never saw a log-odds: the attribute, the
 * account's value against the value the model measures from, and which way it pushes. Pure.
 */

export interface DriverInput {
  attribute: string;
  value: string | number | null;
  /** Push on the log-odds of churn: positive raises the risk. */
  effect: number;
}

/** Effects at least this large (in log-odds) are said to move the risk strongly. */
export const STRONG_EFFECT = 1;

const PERCENT = /\s*(%|\bpct\b|\bpercent(age)?\b)\s*$/i;

/** `seats_used_pct` → "Seats used", `activeUsers` → "Active users"; whether the values are percentages. */
export function attributeLabel(attribute: string): { label: string; percent: boolean } {
  let words = attribute
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\s]+/g, ' ')
    .trim();
  const percent = PERCENT.test(words);
  if (percent) words = words.replace(PERCENT, '').trim();
  if (words === '') words = attribute.trim() || 'An attribute';
  // Acronyms (NPS, ARR) stay as written; other words are lower case after the first.
  const lower = words.replace(/\S+/g, (w) => (/^[A-Z0-9]{2,}\b/.test(w) ? w : w.toLowerCase()));
  const label = lower.charAt(0).toUpperCase() + lower.slice(1);
  return { label, percent };
}

function formatNumber(n: number, percent: boolean): string {
  const rounded = Math.abs(n) >= 100 || Number.isInteger(n) ? Math.round(n) : Number(n.toPrecision(2));
  return `${rounded.toLocaleString('en-US', { maximumFractionDigits: 2 })}${percent ? '%' : ''}`;
}

/**
 * "Seats used at 40%, below the usual 72% — raises risk". `usual` is the value the model measures a numeric
 * attribute's push from (the average account's), when known.
 */
export function driverSentence(driver: DriverInput, usual?: number | null): string {
  const { label, percent } = attributeLabel(driver.attribute);
  const way = driver.effect > 0 ? 'raises risk' : driver.effect < 0 ? 'lowers risk' : 'leaves the risk as it is';
  const push = Math.abs(driver.effect) >= STRONG_EFFECT ? `strongly ${way}` : way;
  const v = driver.value;
  if (v === null || (typeof v === 'string' && v.trim() === '')) return `${label} not recorded — ${push}`;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return `${label} not recorded — ${push}`;
    const shown = formatNumber(v, percent);
    if (usual === undefined || usual === null || !Number.isFinite(usual)) return `${label} at ${shown} — ${push}`;
    const typical = formatNumber(usual, percent);
    if (shown === typical) return `${label} at ${shown}, the usual — ${push}`;
    return `${label} at ${shown}, ${v < usual ? 'below' : 'above'} the usual ${typical} — ${push}`;
  }
  return `${label}: ${v} — ${push}`;
}
