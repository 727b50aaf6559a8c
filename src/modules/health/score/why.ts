/**
 * Why a score moved (pure): the dimensions whose points changed between an earlier scoring and the current one,
 * by how many points, and the measures inside them that moved, in sentences such as
 * "Adoption fell 12 points since 14 Nov: 30-day active users 9 of 40 seats (23 %), was 18 of 40 seats (45 %)."
 */
import type { Dimension, Measure } from './measures.ts';
import type { Components, DimensionComponent } from './score.ts';

export interface MeasureMove {
  measure: Measure;
  label: string;
  from: number | null;
  to: number | null;
  fromDetail: string | null;
  toDetail: string | null;
  /** Points now minus points then; null when one side has no data. */
  pointsChange: number | null;
}

export interface Move {
  dimension: Dimension;
  label: string;
  /** The dimension's points then and now (null: no data). */
  from: number | null;
  to: number | null;
  /** Now minus then; null when one side has no data. */
  change: number | null;
  /** The day of the scoring compared with. */
  since: string;
  measures: MeasureMove[];
  sentence: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14 Nov", with the year when it is not `today`'s. */
export function shortDay(day: string, today: string): string {
  const [y, m, d] = day.slice(0, 10).split('-');
  const base = `${Number(d)} ${MONTHS[Number(m) - 1]}`;
  return y === today.slice(0, 4) ? base : `${base} ${y}`;
}

function measureMoves(then: DimensionComponent, now: DimensionComponent): MeasureMove[] {
  const out: MeasureMove[] = [];
  for (const m of now.measures) {
    const before = then.measures.find((x) => x.measure === m.measure);
    const fromPoints = before?.points ?? null;
    // a value that moved within the same points (a day more since a touch) did not move the score
    if (before && fromPoints === m.points && (m.points !== null || before.raw === m.raw)) continue;
    if (!before && m.raw === null) continue;
    out.push({
      measure: m.measure,
      label: m.label,
      from: before?.raw ?? null,
      to: m.raw,
      fromDetail: before?.detail ?? null,
      toDetail: m.detail,
      pointsChange: fromPoints === null || m.points === null ? null : m.points - fromPoints,
    });
  }
  return out.sort((a, b) => Math.abs(b.pointsChange ?? 100) - Math.abs(a.pointsChange ?? 100));
}

const points = (n: number) => `${n} point${n === 1 ? '' : 's'}`;

const measureWords = (m: MeasureMove) =>
  m.toDetail === null
    ? `${m.label} no longer known, was ${m.fromDetail}`
    : m.fromDetail === null
      ? `${m.label} ${m.toDetail}, unknown before`
      : `${m.label} ${m.toDetail}, was ${m.fromDetail}`;

/**
 * The dimensions that moved by at least one point (or gained or lost their data) from `then` to `now`, largest
 * effect on the score first; `since` is the day of `then`, `today` the current scoring's day.
 */
export function movesBetween(now: Components, then: Components, since: string, today: string): Move[] {
  const moves: Array<Move & { effect: number }> = [];
  for (const d of now.dimensions) {
    const before = then.dimensions.find((x) => x.dimension === d.dimension);
    if (!before) continue;
    const change = d.points === null || before.points === null ? null : d.points - before.points;
    if (change === 0 || (change === null && d.points === before.points)) continue;
    const measures = measureMoves(before, d);
    const when = shortDay(since, today);
    const head =
      change === null
        ? d.points === null
          ? `${d.label} has no data now (was ${before.points} points on ${when})`
          : `${d.label} counts since ${when}, now ${d.points} points`
        : `${d.label} ${change < 0 ? 'fell' : 'rose'} ${points(Math.abs(change))} since ${when}`;
    const sentence = measures.length ? `${head}: ${measures.map(measureWords).join('; ')}.` : `${head}.`;
    moves.push({
      dimension: d.dimension,
      label: d.label,
      from: before.points,
      to: d.points,
      change,
      since,
      measures,
      sentence,
      effect: Math.abs((change ?? 100) * Math.max(d.share, before.share)),
    });
  }
  return moves.sort((a, b) => b.effect - a.effect).map(({ effect: _effect, ...m }) => m);
}
