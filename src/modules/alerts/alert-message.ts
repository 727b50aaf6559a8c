/**
 * What an alert says, on each channel: the signed webhook's body, Slack's blocks, an email's text and HTML. Pure.
 */
export type AlertType = 'signal.raised' | 'alert.digest' | 'alert.test';

/** The alert's data, fixed when it is queued (a replay sends the same body). */
export interface AlertData {
  title: string;
  /** The evidence as sentences. */
  explanation: string;
  severity: string;
  stage: string | null;
  signal: {
    id: string;
    kind: string;
    previousSeverity: string | null;
    suggestedPlay: string | null;
    at: string;
  } | null;
  account: { id: string; name: string } | null;
  /** The account's ARR on the day the alert was queued, in the workspace's currency; null when unknown. */
  arr: number | null;
  currency: string | null;
  /** Where to read more in Baton; null when Baton does not know its public address. */
  link: string | null;
}

export interface AlertMessage {
  id: string;
  type: AlertType;
  created: string;
  workspace: string;
  data: AlertData;
}

/** The signed webhook's JSON body. Key order is fixed, so the same alert always has the same bytes. */
export const webhookBody = (m: AlertMessage): string =>
  JSON.stringify({ id: m.id, type: m.type, created: m.created, workspace: m.workspace, data: m.data });

const money = (arr: number, currency: string | null) =>
  `${arr.toLocaleString('en-US', { maximumFractionDigits: 0 })}${currency ? ` ${currency}` : ''}`;

/** The lines every channel shows, in order. */
export function alertFacts(d: AlertData): Array<[string, string]> {
  const facts: Array<[string, string]> = [];
  if (d.account) facts.push(['Account', d.account.name]);
  facts.push(['Severity', d.severity]);
  if (d.stage) facts.push(['Stage', d.stage.replaceAll('_', ' ')]);
  if (d.arr !== null) facts.push(['ARR', money(d.arr, d.currency)]);
  return facts;
}

const mrkdwn = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export type SlackBlock = { type: string; [k: string]: unknown };

/** Slack's message: a text fallback and blocks (title, explanation, the facts, the play, a link). */
export function slackMessage(m: AlertMessage): { text: string; blocks: SlackBlock[] } {
  const d = m.data;
  const head = d.account ? `${d.account.name}: ${d.title}` : d.title;
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: head.slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: mrkdwn(d.explanation) } },
    {
      type: 'section',
      fields: alertFacts(d).map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${mrkdwn(v)}` })),
    },
  ];
  if (d.signal?.suggestedPlay) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: mrkdwn(d.signal.suggestedPlay) }] });
  }
  if (d.link) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `<${d.link}|Open in Baton>` } });
  return { text: `${head} (${d.severity})`, blocks };
}

const html = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** The email: a subject, plain text and simple HTML saying the same. */
export function emailMessage(m: AlertMessage): { subject: string; text: string; html: string } {
  const d = m.data;
  const subject = `[Baton] ${d.account ? `${d.account.name}: ` : ''}${d.title}`.slice(0, 200);
  const facts = alertFacts(d);
  const text = [
    d.title,
    '',
    d.explanation,
    '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    ...(d.signal?.suggestedPlay ? ['', `What to do: ${d.signal.suggestedPlay}`] : []),
    ...(d.link ? ['', d.link] : []),
  ].join('\n');
  const body = [
    `<h2>${html(d.title)}</h2>`,
    `<p>${html(d.explanation)}</p>`,
    `<ul>${facts.map(([k, v]) => `<li><strong>${html(k)}:</strong> ${html(v)}</li>`).join('')}</ul>`,
    ...(d.signal?.suggestedPlay ? [`<p><strong>What to do:</strong> ${html(d.signal.suggestedPlay)}</p>`] : []),
    ...(d.link ? [`<p><a href="${html(d.link)}">Open in Baton</a></p>`] : []),
  ].join('\n');
  return { subject, text, html: body };
}
