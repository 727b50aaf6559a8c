/**
 * The demo's survey answers and touches (pure). One renewing customer carries the story of DESIGN §4 stage 6: its
 * executive sponsor was last met 70 days ago at a QBR and answered NPS 3 just after it. About a dozen live and
 * renewing customers have their champion's NPS, a key user's CSAT after go-live, and a touch at each person's last
 * touch (so the touches and the stakeholders' last touch tell the same story).
 */
import type { SurveyRecord, TouchKind, TouchRecord } from '../modules/relationship/index.ts';
import type { DemoAccount, DemoContact } from './demo.ts';
import type { Random } from './random.ts';

const DAY_MS = 86_400_000;

/** How long the story's sponsor has gone without a touch. */
export const QUIET_SPONSOR_DAYS = 70;
const SURVEYED = 12;

export interface DemoRelationship {
  /** The customer whose detractor sponsor has had no touch for 70 days. */
  storyAccount: string | null;
  surveys: SurveyRecord[];
  touches: TouchRecord[];
}

/** A moment `days` whole days before `today`, at `hour`:00 UTC. */
const daysAgo = (today: Date, days: number, hour = 15): string =>
  new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - days * DAY_MS + hour * 3_600_000,
  ).toISOString();

const survey = (
  a: DemoAccount,
  c: DemoContact,
  kind: 'nps' | 'csat',
  score: number,
  respondedAt: string,
  extra: Partial<SurveyRecord> = {},
): SurveyRecord => ({
  accountRef: a.domain,
  accountName: null,
  contactId: null,
  contactEmail: c.email,
  kind,
  score,
  comment: null,
  respondedAt,
  milestone: null,
  externalId: null,
  ...extra,
});

const touch = (a: DemoAccount, c: DemoContact, kind: TouchKind, occurredAt: string, subject: string): TouchRecord => ({
  kind,
  occurredAt,
  subject,
  direction: kind === 'meeting' ? null : 'outbound',
  source: 'demo',
  externalId: null,
  accountRef: a.domain,
  accountName: null,
  contactRefs: [],
  emails: [c.email],
});

const KIND_BY_ROLE: Readonly<Record<string, [TouchKind, string]>> = {
  executive_sponsor: ['meeting', 'Executive check-in'],
  champion: ['call', 'Weekly sync'],
  admin: ['email', 'Admin settings follow-up'],
  finance: ['email', 'Invoice question'],
  procurement: ['email', 'Renewal paperwork'],
};

export function demoRelationship(accounts: readonly DemoAccount[], today: Date, rng: Random): DemoRelationship {
  const now = today.getTime();
  const sponsorOf = (a: DemoAccount) => a.contacts.find((c) => c.role === 'executive_sponsor' && !c.leftAt);
  // The story: a renewing customer whose sponsor has not been touched for at least 70 days; the quietest first.
  const story = accounts
    .filter((a) => a.lifecyclePhase === 'renewing')
    .map((a) => ({ a, sponsor: sponsorOf(a) }))
    .filter(
      (x) => x.sponsor?.lastTouchAt && now - Date.parse(x.sponsor.lastTouchAt) > (QUIET_SPONSOR_DAYS + 1) * DAY_MS,
    )
    .sort((x, y) => x.a.name.localeCompare(y.a.name))[0];
  const surveys: SurveyRecord[] = [];
  const touches: TouchRecord[] = [];
  if (story?.sponsor) {
    const { a, sponsor } = story;
    // Two hours short of a day's turn, so that it reads "70 days ago" whatever the hour of the build.
    const met = new Date(now - QUIET_SPONSOR_DAYS * DAY_MS - 2 * 3_600_000).toISOString();
    touches.push(touch(a, sponsor, 'meeting', met, 'Quarterly business review'));
    surveys.push(
      survey(a, sponsor, 'nps', 3, daysAgo(today, QUIET_SPONSOR_DAYS - 2, 9), {
        comment: 'Go-live slipped twice and nobody told us why. We are looking at other options before renewal.',
        milestone: 'Go-live',
      }),
    );
  }
  const others = rng
    .shuffle(
      accounts.filter(
        (a) => (a.lifecyclePhase === 'live' || a.lifecyclePhase === 'renewing') && a.name !== story?.a.name,
      ),
    )
    .slice(0, SURVEYED)
    .sort((x, y) => x.name.localeCompare(y.name));
  for (const a of others) {
    const champion = a.contacts.find((c) => c.role === 'champion' && !c.leftAt);
    const keyUser = a.contacts.find((c) => c.role === 'key_user' && !c.leftAt);
    if (champion)
      surveys.push(survey(a, champion, 'nps', rng.weighted(NPS_SCORES), daysAgo(today, rng.int(5, 80), 10)));
    if (keyUser)
      surveys.push(
        survey(a, keyUser, 'csat', rng.weighted(CSAT_SCORES), daysAgo(today, rng.int(20, 150), 11), {
          milestone: 'Go-live',
        }),
      );
    for (const c of a.contacts) {
      const plan = KIND_BY_ROLE[c.role];
      if (!plan || !c.lastTouchAt || c.leftAt) continue;
      touches.push(touch(a, c, plan[0], c.lastTouchAt, plan[1]));
    }
  }
  return { storyAccount: story?.a.name ?? null, surveys, touches };
}

const NPS_SCORES: ReadonlyArray<readonly [number, number]> = [
  [10, 3],
  [9, 4],
  [8, 3],
  [7, 2],
  [6, 1],
  [4, 1],
];
const CSAT_SCORES: ReadonlyArray<readonly [number, number]> = [
  [5, 4],
  [4, 4],
  [3, 1],
  [2, 1],
];
