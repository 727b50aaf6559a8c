/** Word lists for customer companies: names, industries and where they are. Invented names only. */
import type { Region, Segment } from '../modules/accounts/account.ts';

export const INDUSTRIES = [
  'Logistics',
  'Healthcare',
  'Financial services',
  'Retail',
  'Manufacturing',
  'Education',
  'Public sector',
  'Software',
  'Energy',
  'Media',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const INDUSTRY_WEIGHTS: Readonly<Record<Industry, number>> = {
  Logistics: 12,
  Healthcare: 13,
  'Financial services': 13,
  Retail: 12,
  Manufacturing: 14,
  Education: 7,
  'Public sector': 5,
  Software: 13,
  Energy: 6,
  Media: 5,
};

export const SEGMENT_SHARES: Readonly<Record<Segment, number>> = { enterprise: 0.15, mid_market: 0.35, smb: 0.5 };

export const REGION_WEIGHTS: Readonly<Record<Region, number>> = { north_america: 48, emea: 30, apac: 13, latam: 9 };

/** ISO 3166-1 alpha-2 countries per region, weighted by how often a customer is there. */
export const COUNTRIES: Readonly<Record<Region, ReadonlyArray<readonly [string, number]>>> = {
  north_america: [
    ['US', 80],
    ['CA', 20],
  ],
  emea: [
    ['GB', 28],
    ['DE', 20],
    ['FR', 12],
    ['NL', 10],
    ['IE', 6],
    ['SE', 6],
    ['ES', 5],
    ['DK', 4],
    ['CH', 4],
    ['AE', 3],
    ['ZA', 2],
  ],
  apac: [
    ['AU', 35],
    ['SG', 20],
    ['JP', 15],
    ['IN', 15],
    ['NZ', 10],
    ['KR', 5],
  ],
  latam: [
    ['BR', 40],
    ['MX', 30],
    ['CO', 12],
    ['CL', 10],
    ['AR', 8],
  ],
};

export const NAME_STEMS = [
  'Alderbrook', 'Amberline', 'Ashgrove', 'Birchfield', 'Blackthorn', 'Bramble', 'Brightwell', 'Cairnmoor',
  'Calder', 'Caraway', 'Cedarline', 'Cinderford', 'Clearbrook', 'Cloverleaf', 'Coldharbour', 'Copperleaf',
  'Corvid', 'Crestwood', 'Dapplegate', 'Driftwood', 'Duskfield', 'Eastmere', 'Elmstead', 'Emberly',
  'Fairhollow', 'Fennick', 'Fernhill', 'Fieldstone', 'Foxmoor', 'Galloway', 'Glasswing', 'Glenrock',
  'Goldcrest', 'Greyfriar', 'Halden', 'Harrowgate', 'Hazelmere', 'Helio', 'Hollybrook', 'Ironbark',
  'Ivybridge', 'Juniper', 'Kettlewell', 'Kingsmere', 'Lakemont', 'Lanternfish', 'Larkspur', 'Lindenwood',
  'Lowmoor', 'Maplestone', 'Marrowstone', 'Millbrook', 'Moorcroft', 'Mossbank', 'Nettlefield', 'Northgate',
  'Oakhollow', 'Orchardly', 'Osprey', 'Palisade', 'Pebblebrook', 'Pinecrest', 'Quarrystone', 'Quillon',
  'Ravenmoor', 'Redfern', 'Ridgeway', 'Rookwood', 'Rowan', 'Saltmarsh', 'Sandpiper', 'Silverbirch',
  'Skylark', 'Sorrel', 'Starling', 'Stonebridge', 'Sunmere', 'Tamarind', 'Thistle', 'Thornbury',
  'Tidewell', 'Umberfield', 'Verdance', 'Wayfarer', 'Westbury', 'Whitlock', 'Willowmere', 'Windrush',
  'Wrenfield', 'Yarrow', 'Zephyr',
] as const;

/** What follows the stem in a company's name, by industry. */
export const INDUSTRY_NOUNS: Readonly<Record<Industry, readonly string[]>> = {
  Logistics: ['Freight', 'Logistics', 'Haulage', 'Shipping', 'Cargo', 'Transport', 'Carriers', 'Distribution', 'Fleet Services'],
  Healthcare: ['Diagnostics', 'Health', 'Clinics', 'Medical Group', 'Care Partners', 'Therapeutics', 'Health System', 'Imaging', 'Pharmacy'],
  'Financial services': ['Capital', 'Bank', 'Insurance', 'Credit Union', 'Wealth', 'Payments', 'Lending', 'Mutual', 'Financial'],
  Retail: ['Retail Group', 'Outfitters', 'Markets', 'Home Goods', 'Apparel', 'Grocers', 'Trading Co', 'Living', 'Mercantile'],
  Manufacturing: ['Manufacturing', 'Fabrication', 'Components', 'Industries', 'Precision', 'Plastics', 'Metalworks', 'Machining', 'Packaging'],
  Education: ['Academy', 'Learning', 'College', 'Schools Trust', 'Education', 'Institute', 'Learning Group'],
  'Public sector': ['Port Authority', 'Water District', 'Transit Authority', 'Housing Authority', 'County Council', 'Regional Services', 'Borough Council'],
  Software: ['Software', 'Labs', 'Systems', 'Cloud', 'Analytics', 'Technologies', 'Data', 'Digital'],
  Energy: ['Energy', 'Power', 'Renewables', 'Utilities', 'Solar', 'Grid', 'Wind', 'Gas & Electric'],
  Media: ['Media', 'Studios', 'Publishing', 'Broadcasting', 'Press', 'Entertainment', 'Audio'],
};

/** Added to some enterprise names, unless the name already ends like one of these. */
export const ENTERPRISE_SUFFIXES = ['Group', 'Holdings', 'International'] as const;
