import { describe, expect, it } from 'vitest';
import { clusterQuestions, coverage, stem, termsOf } from './question-clusters.ts';

let n = 0;
const q = (subject: string, description = '', day = ++n) => ({
  id: `t${String(n).padStart(3, '0')}`,
  subject,
  description,
  createdAt: `2026-10-${String((day % 28) + 1).padStart(2, '0')}T09:00:${String(n % 60).padStart(2, '0')}Z`,
});

const QUESTIONS = [
  q('How do I export a report to Excel?', 'Finance wants the monthly report as a spreadsheet.'),
  q('Export report as Excel file', 'Where is the button to export this report to Excel?'),
  q('Can we export reports to xlsx / Excel', 'We need the report in Excel every month.'),
  q('Exporting the usage report to Excel', 'How to get the report out as an Excel sheet?'),
  q('How do I reset my password?', 'I forgot my password and the login page does not help.'),
  q('Password reset link not arriving', 'I asked to reset the password twice, no email.'),
  q('Reset password for a colleague', 'Our admin needs to reset a user password.'),
  q('How to set up SSO with Okta', 'We want our people to sign in with Okta single sign-on.'),
  q('Change the logo on the portal', 'Marketing sent a new logo.'),
];

describe('clusters of repetitive questions', () => {
  it('stems plurals and endings alike, drops stop words and numbers', () => {
    expect(['reports', 'exporting', 'exported', 'policies', 'boxes', 'status'].map(stem)).toEqual([
      'report',
      'export',
      'export',
      'policy',
      'box',
      'status',
    ]);
    expect(termsOf('How do I export 2 reports to Excel?')).toEqual(['export', 'report', 'excel']);
  });

  it('groups alike questions, largest first, each with a representative and key terms', () => {
    const clusters = clusterQuestions(QUESTIONS, { threshold: 0.3, minSize: 2 });
    expect(clusters.map((c) => c.members.map((m) => m.subject))).toEqual([
      [
        'How do I export a report to Excel?',
        'Export report as Excel file',
        'Can we export reports to xlsx / Excel',
        'Exporting the usage report to Excel',
      ],
      ['How do I reset my password?', 'Password reset link not arriving', 'Reset password for a colleague'],
    ]);
    expect(
      clusters[0]!.terms
        .slice(0, 3)
        .map((t) => t.term)
        .sort(),
    ).toEqual(['excel', 'export', 'report']);
    expect(clusters[0]!.members).toContain(clusters[0]!.representative);
    expect(
      clusters[1]!.terms
        .slice(0, 2)
        .map((t) => t.term)
        .sort(),
    ).toEqual(['password', 'reset']);
  });

  it('gives the same clusters whatever the order the questions come in', () => {
    const once = clusterQuestions(QUESTIONS, { threshold: 0.3, minSize: 2 });
    const reversed = clusterQuestions([...QUESTIONS].reverse(), { threshold: 0.3, minSize: 2 });
    expect(reversed).toEqual(once);
  });

  it('leaves out clusters below the least size, and forms none above a strict threshold', () => {
    expect(clusterQuestions(QUESTIONS, { threshold: 0.3, minSize: 4 })).toHaveLength(1);
    expect(clusterQuestions(QUESTIONS, { threshold: 0.99, minSize: 2 })).toEqual([]);
    expect(clusterQuestions([], { threshold: 0.3, minSize: 2 })).toEqual([]);
  });

  it('measures how much of the key terms an article holds', () => {
    const terms = [
      { term: 'export', weight: 0.5 },
      { term: 'excel', weight: 0.3 },
      { term: 'report', weight: 0.2 },
    ];
    expect(coverage(terms, 'Exporting reports: choose Export, then CSV')).toBe(0.7);
    expect(coverage(terms, 'Reset your password')).toBe(0);
  });
});
