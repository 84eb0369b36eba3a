/** Static catalogues the simulation draws from: products, names, companies and brands. */

/** A product of the sample shop (prices in PLN; EUR prices are derived). */
export interface Product {
  readonly sku: string;
  readonly name: string;
  readonly category: string;
  readonly pricePln: number;
}

export const PRODUCTS: readonly Product[] = [
  ['SOWA-TEA-001', 'Herbata Earl Grey 100 g', 'tea', 24.9],
  ['SOWA-TEA-002', 'Zielona herbata sencha 100 g', 'tea', 32.5],
  ['SOWA-COF-001', 'Kawa ziarnista Brazylia 1 kg', 'coffee', 79.0],
  ['SOWA-COF-002', 'Kawa mielona Etiopia 250 g', 'coffee', 38.0],
  ['SOWA-COF-003', 'Kapsułki espresso x50', 'coffee', 59.9],
  ['SOWA-ACC-001', 'Młynek ręczny ceramiczny', 'accessories', 149.0],
  ['SOWA-ACC-002', 'Drip V60 z filtrami', 'accessories', 89.0],
  ['SOWA-ACC-003', 'Kubek termiczny 350 ml', 'accessories', 69.0],
  ['SOWA-MAC-001', 'Ekspres przelewowy', 'machines', 499.0],
  ['SOWA-MAC-002', 'Ekspres kolbowy Duo', 'machines', 1899.0],
  ['SOWA-SWE-001', 'Czekolada gorzka 85%', 'sweets', 14.5],
  ['SOWA-SWE-002', 'Ciastka owsiane 200 g', 'sweets', 12.9],
  ['SOWA-OFF-001', 'Kawa biurowa 6 kg', 'office', 420.0],
  ['SOWA-OFF-002', 'Herbata biurowa 500 saszetek', 'office', 185.0],
].map(([sku, name, category, pricePln]) => ({
  sku: sku as string,
  name: name as string,
  category: category as string,
  pricePln: pricePln as number,
}));

/** Popularity weights of {@link PRODUCTS} for consumers and for business buyers. */
export const CONSUMER_PRODUCT_WEIGHTS = [9, 5, 8, 7, 8, 2, 3, 4, 1, 0.4, 8, 7, 0.3, 0.3];
export const BUSINESS_PRODUCT_WEIGHTS = [2, 2, 5, 2, 6, 1, 1, 3, 1, 0.5, 1, 1, 8, 7];

export const EUR_PER_PLN = 0.23;

/** Monthly plans of the coffee subscription ("Sowa Club"), prices in PLN. */
export const PLANS = [
  { id: 'club-basic', pricePln: 39 },
  { id: 'club-plus', pricePln: 69 },
  { id: 'club-office', pricePln: 249 },
] as const;

export const PL_FIRST = [
  'Anna',
  'Katarzyna',
  'Magdalena',
  'Agnieszka',
  'Małgorzata',
  'Zofia',
  'Łucja',
  'Piotr',
  'Krzysztof',
  'Tomasz',
  'Paweł',
  'Michał',
  'Łukasz',
  'Jędrzej',
  'Wojciech',
  'Ewa',
];
export const PL_LAST = [
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
  'Szymański',
  'Woźniak',
  'Dąbrowski',
  'Kozłowski',
  'Jankowski',
  'Mazur',
  'Krawczyk',
  'Piątek',
  'Grabowski',
];
export const EN_FIRST = [
  'Emma',
  'Olivia',
  'Sophie',
  'Hannah',
  'Lena',
  'Jonas',
  'Lukas',
  'Oliver',
  'James',
  'Noah',
  'Marie',
  'Felix',
];
export const EN_LAST = [
  'Müller',
  'Schmidt',
  'Novák',
  'Smith',
  'Brown',
  'Dvořák',
  'Weber',
  'Fischer',
  'Jones',
  'Wagner',
  'Taylor',
  'Svoboda',
];

export const COMPANY_ROOTS = [
  'Bursztyn',
  'Wisła',
  'Tatra',
  'Mazovia',
  'Baltic',
  'Orlen',
  'Polana',
  'Krokus',
  'Jantar',
  'Sudety',
  'Warta',
  'Odra',
];
export const COMPANY_KINDS = [
  'Logistyka',
  'Software',
  'Biuro Rachunkowe',
  'Architekci',
  'Clinic',
  'Coworking',
  'Media',
  'Consulting',
  'Hotel',
  'Szkoła Językowa',
];
export const INDUSTRIES = [
  'logistics',
  'software',
  'accounting',
  'architecture',
  'healthcare',
  'real-estate',
  'media',
  'consulting',
  'hospitality',
  'education',
];
export const ROLES = ['Office manager', 'Procurement specialist', 'Founder', 'HR & people', 'Administration'];

/** ASCII-folds Polish and German letters for e-mail addresses. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase();
}

/** The shop's own brand and two competitors, for share of voice. */
export const BRANDS = ['sowa', 'kruk', 'mewa'] as const;
