import { formatDateTime } from '../ui/format.ts';

const CLOSED = new Set(['solved', 'closed', 'resolved']);

function after(fromIso: string, toIso: string): string {
  const minutes = Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round(hours / 24)} days`;
}

/**
 * A ticket's status changes told in sentences: when it opened, each change with the time since the one before, a
 * return from solved said as a reopening.
 */
export function historySentences(history: ReadonlyArray<{ status: string; at: string }>): string[] {
  return history.map((e, i) => {
    const when = formatDateTime(e.at);
    const status = e.status.toLowerCase();
    if (i === 0) return `Opened as ${status} on ${when}.`;
    const prev = history[i - 1]!;
    const gap = after(prev.at, e.at);
    if (CLOSED.has(prev.status.toLowerCase()) && !CLOSED.has(status))
      return `Reopened (${status}) on ${when}, ${gap} after it was ${prev.status.toLowerCase()}.`;
    if (CLOSED.has(status)) return `${status[0]!.toUpperCase()}${status.slice(1)} on ${when}, ${gap} later.`;
    return `Moved to ${status} on ${when}, ${gap} later.`;
  });
}
