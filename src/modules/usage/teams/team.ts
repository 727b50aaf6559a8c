/**
 * Teams of product users (pure): the team an identify call gives its user (the trait the workspace names, also
 * under PostHog's `$set`), and the teams of an account that became active recently without being active before.
 */

const MAX_TEAM_LENGTH = 100;

/** The team named by `traits[key]` (or `traits.$set[key]`): a trimmed string or number, else null. */
export function teamOf(traitsJson: string, key: string): string | null {
  let traits: unknown;
  try {
    traits = JSON.parse(traitsJson);
  } catch {
    return null;
  }
  if (typeof traits !== 'object' || traits === null) return null;
  const t = traits as Record<string, unknown>;
  const set = typeof t.$set === 'object' && t.$set !== null ? (t.$set as Record<string, unknown>) : {};
  const value = set[key] ?? t[key];
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return text && text.length <= MAX_TEAM_LENGTH ? text : null;
}

export interface TeamActivity {
  accountId: string;
  team: string;
  userKey: string;
  day: string;
}

export interface NewTeam {
  accountId: string;
  team: string;
  /** Users of the team active in the recent window. */
  users: number;
  firstDay: string;
}

/**
 * The teams active on or after `since` whose users did nothing in the account before it (within the rows given),
 * in accounts that were active before `since` (a brand-new account's first team is onboarding, not expansion).
 * Teams compare without case.
 */
export function newTeams(rows: readonly TeamActivity[], accountsActiveBefore: ReadonlySet<string>, since: string) {
  const before = new Set<string>();
  const recent = new Map<string, { accountId: string; team: string; users: Set<string>; firstDay: string }>();
  for (const r of rows) {
    const k = `${r.accountId}\u0000${r.team.toLowerCase()}`;
    if (r.day < since) {
      before.add(k);
      continue;
    }
    const seen = recent.get(k) ?? { accountId: r.accountId, team: r.team, users: new Set(), firstDay: r.day };
    seen.users.add(r.userKey);
    if (r.day < seen.firstDay) seen.firstDay = r.day;
    recent.set(k, seen);
  }
  const out: NewTeam[] = [];
  for (const [k, v] of recent)
    if (!before.has(k) && accountsActiveBefore.has(v.accountId))
      out.push({ accountId: v.accountId, team: v.team, users: v.users.size, firstDay: v.firstDay });
  return out.sort((a, b) => a.accountId.localeCompare(b.accountId) || a.team.localeCompare(b.team));
}
