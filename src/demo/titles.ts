/** Job titles that match a stakeholder's role, the company's size and its industry. */
import type { ContactRole, Segment } from '../modules/accounts/index.ts';
import type { Industry } from './words.ts';

export const SPONSOR_TITLES: Readonly<Record<Segment, readonly string[]>> = {
  enterprise: [
    'Chief Operating Officer',
    'Chief Information Officer',
    'Chief Digital Officer',
    'SVP Operations',
    'SVP Customer Experience',
    'Chief Transformation Officer',
    'EVP Business Operations',
  ],
  mid_market: [
    'VP Operations',
    'Chief Operating Officer',
    'VP Information Technology',
    'VP Customer Operations',
    'Chief Technology Officer',
    'VP Finance & Operations',
  ],
  smb: ['CEO', 'Founder & CEO', 'Managing Director', 'General Manager', 'Chief Operating Officer', 'Owner'],
};

/** Sponsors that only make sense in one industry, mixed in with the generic ones. */
export const INDUSTRY_SPONSOR_TITLES: Readonly<Partial<Record<Industry, readonly string[]>>> = {
  Healthcare: ['Chief Medical Information Officer', 'Chief Nursing Officer'],
  'Public sector': ['Deputy Director', 'Chief Executive'],
  Education: ['Provost', 'Chief Academic Officer'],
  Logistics: ['VP Supply Chain'],
  Manufacturing: ['VP Manufacturing'],
  'Financial services': ['Chief Risk Officer'],
};

export const CHAMPION_TITLES: readonly string[] = [
  'Director of Operations',
  'Head of Business Systems',
  'Senior Operations Manager',
  'Program Manager',
  'Director of Customer Experience',
  'Head of Process Improvement',
  'Operations Excellence Lead',
  'Digital Transformation Manager',
];

export const KEY_USER_TITLES: Readonly<Record<Industry, readonly string[]>> = {
  Logistics: ['Dispatch Supervisor', 'Transport Planner', 'Warehouse Operations Lead', 'Customer Service Coordinator'],
  Healthcare: ['Clinical Operations Coordinator', 'Practice Manager', 'Revenue Cycle Analyst', 'Patient Services Lead'],
  'Financial services': [
    'Operations Analyst',
    'Client Onboarding Specialist',
    'Compliance Analyst',
    'Relationship Manager',
  ],
  Retail: ['Store Operations Manager', 'Merchandising Analyst', 'E-commerce Coordinator', 'Customer Service Lead'],
  Manufacturing: ['Production Planner', 'Quality Engineer', 'Plant Operations Lead', 'Supply Planner'],
  Education: ['Registrar', 'Student Services Coordinator', 'Learning Technologist', 'Admissions Officer'],
  'Public sector': ['Case Officer', 'Service Delivery Manager', 'Policy Analyst', 'Contact Centre Supervisor'],
  Software: ['Support Team Lead', 'Solutions Engineer', 'Product Operations Analyst', 'Customer Success Lead'],
  Energy: ['Field Operations Coordinator', 'Asset Planner', 'Billing Analyst', 'Network Operations Lead'],
  Media: ['Production Coordinator', 'Audience Analyst', 'Content Operations Lead', 'Ad Operations Specialist'],
};

export const ROLE_TITLES: Readonly<
  Record<Exclude<ContactRole, 'executive_sponsor' | 'champion' | 'key_user'>, readonly string[]>
> = {
  admin: [
    'Systems Administrator',
    'Business Systems Administrator',
    'IT Manager',
    'Application Administrator',
    'IT Operations Lead',
  ],
  finance: ['Financial Controller', 'Finance Director', 'FP&A Manager', 'VP Finance', 'Head of Finance'],
  procurement: [
    'Procurement Manager',
    'Strategic Sourcing Lead',
    'Vendor Manager',
    'Category Manager, IT',
    'Head of Procurement',
  ],
  other: ['Legal Counsel', 'Information Security Officer', 'Data Protection Officer'],
};
