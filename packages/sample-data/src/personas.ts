import { type Persona, personaSchema } from '@cx/model';

/** How a persona behaves in the simulation (internal, not part of the Persona document). */
export interface PersonaBehaviour {
  readonly id: string;
  readonly customerType: 'consumer' | 'business';
  /** Share among customers of its type. */
  readonly share: number;
  /** Multiplier of the number of sessions. */
  readonly activity: number;
  /** Weights of the shopping surfaces: web, app, store, marketplace, phone (B2B). */
  readonly surfaces: readonly [web: number, app: number, store: number, marketplace: number, phone: number];
  /** Multiplier of the add-to-cart probability. */
  readonly intent: number;
  /** Mean of the latent satisfaction (standard normal scale). */
  readonly mood: number;
  /** Probability of joining the subscription after a purchase. */
  readonly subscribe: number;
}

export const PERSONA_BEHAVIOUR: readonly PersonaBehaviour[] = [
  {
    id: 'ola-busy-professional',
    customerType: 'consumer',
    share: 0.35,
    activity: 1.0,
    surfaces: [3, 6, 0.5, 0.5, 0],
    intent: 1.2,
    mood: 0.2,
    subscribe: 0.06,
  },
  {
    id: 'marek-bargain-hunter',
    customerType: 'consumer',
    share: 0.4,
    activity: 0.8,
    surfaces: [6, 2, 0.3, 3, 0],
    intent: 0.8,
    mood: -0.1,
    subscribe: 0.02,
  },
  {
    id: 'zofia-enthusiast',
    customerType: 'consumer',
    share: 0.25,
    activity: 1.7,
    surfaces: [4, 3, 3, 0.2, 0],
    intent: 1.1,
    mood: 0.6,
    subscribe: 0.15,
  },
  {
    id: 'kasia-office-manager',
    customerType: 'business',
    share: 0.7,
    activity: 1.1,
    surfaces: [7, 1, 0, 0, 2],
    intent: 1.3,
    mood: 0.1,
    subscribe: 0.12,
  },
  {
    id: 'tomasz-cafe-owner',
    customerType: 'business',
    share: 0.3,
    activity: 1.4,
    surfaces: [3, 1, 1, 0, 5],
    intent: 1.4,
    mood: 0.0,
    subscribe: 0.2,
  },
];

const interviews = (n: number, date: string) => ({
  kind: 'interview' as const,
  description: `${n} interviews with Sowa customers`,
  n,
  date,
});

/** The five research-based personas of the sample shop, with empathy maps. */
export const SAMPLE_PERSONAS: readonly Persona[] = Object.freeze(
  [
    {
      id: 'ola-busy-professional',
      name: 'Ola, the busy professional',
      customerType: 'consumer',
      description: 'Project manager in Warsaw, orders from the app on the tram, values speed over price.',
      quote: 'Jeśli nie da się tego zamówić w dwie minuty, nie zamawiam.',
      goals: ['Reorder her usual coffee in under two minutes', 'Know exactly when the parcel arrives'],
      needs: ['Saved payment (BLIK)', 'Reliable delivery slots'],
      motivations: ['Convenience', 'A good cup before the first meeting'],
      values: ['Time', 'Reliability'],
      frustrations: ['Failed payments', 'Couriers who come when she is out'],
      expectations: ['Delivery within 2 days', 'Push notification when shipped'],
      preferredChannels: ['mobile-app', 'push', 'email'],
      media: ['Instagram', 'Spotify podcasts'],
      demographics: { age: '30-39', city: 'Warszawa', household: 2 },
      sources: [interviews(8, '2024-11-15'), { kind: 'analytics', description: 'App cohort analysis, 2024' }],
      empathyMap: {
        says: ['I just want my usual beans'],
        thinks: ['Will it come before the weekend?'],
        does: ['Orders on the tram', 'Reorders with "Buy again"'],
        feels: ['Rushed', 'Relieved when it just works'],
        pains: ['Payment errors', 'Late parcels'],
        gains: ['Coffee never runs out'],
      },
    },
    {
      id: 'marek-bargain-hunter',
      name: 'Marek, the bargain hunter',
      customerType: 'consumer',
      description: 'Student in Kraków who compares prices across the shop, the marketplace and competitors.',
      quote: 'Sprawdzę jeszcze, czy gdzieś nie ma taniej.',
      goals: ['Pay as little as possible', 'Free shipping'],
      needs: ['Clear total price early', 'Discount codes'],
      motivations: ['Saving money'],
      values: ['Value for money', 'Transparency'],
      frustrations: ['Shipping cost revealed at checkout', 'Expired promo codes'],
      expectations: ['Price match with the marketplace'],
      preferredChannels: ['web', 'marketplace', 'search-ads'],
      media: ['Pepper.pl', 'YouTube'],
      demographics: { age: '18-24', city: 'Kraków' },
      sources: [
        interviews(6, '2024-10-02'),
        { kind: 'survey', description: 'Price sensitivity survey', n: 540 },
      ],
      empathyMap: {
        says: ['Is there a code?'],
        thinks: ['The marketplace might be cheaper'],
        does: ['Abandons carts', 'Waits for promotions'],
        feels: ['Suspicious of hidden costs'],
        pains: ['Surprise shipping fees'],
        gains: ['A real bargain'],
      },
    },
    {
      id: 'zofia-enthusiast',
      name: 'Zofia, the coffee enthusiast',
      customerType: 'consumer',
      description:
        'Home barista from Poznań who visits the store, buys equipment and recommends Sowa to friends.',
      quote: 'Dobra kawa to rytuał, nie tylko napój.',
      goals: ['Discover new single origins', 'Brew like a barista at home'],
      needs: ['Detailed product information', 'Expert advice'],
      motivations: ['Craft', 'Community'],
      values: ['Quality', 'Sustainability'],
      frustrations: ['Beans roasted too long ago', 'Support that does not know the products'],
      expectations: ['Roast date on every bag', 'Subscription with variety'],
      preferredChannels: ['physical-store', 'social-media', 'web', 'referral'],
      media: ['Instagram', 'Coffee forums'],
      demographics: { age: '40-49', city: 'Poznań' },
      sources: [
        interviews(5, '2024-09-20'),
        { kind: 'social', description: 'Instagram comments analysis', n: 900 },
      ],
      empathyMap: {
        says: ['Try the Ethiopian, it is amazing'],
        thinks: ['Is this roast fresh?'],
        does: ['Writes reviews', 'Refers friends', 'Subscribes to Sowa Club'],
        feels: ['Proud of her setup'],
        pains: ['Stale beans', 'Generic answers from support'],
        gains: ['Being the expert among friends'],
      },
    },
    {
      id: 'kasia-office-manager',
      name: 'Kasia, the office manager',
      customerType: 'business',
      description:
        'Buys coffee and tea for a 60-person office; needs invoices, predictable deliveries and few surprises.',
      quote: 'Potrzebuję faktury i dostawy na czas, reszta mnie nie interesuje.',
      goals: ['Never run out of coffee in the office', 'One invoice per month'],
      needs: ['VAT invoice', 'Account with order history', 'Delivery to reception'],
      motivations: ['Happy colleagues', 'Less admin work'],
      values: ['Predictability'],
      frustrations: ['Late deliveries before meetings', 'Waiting on the hotline'],
      expectations: ['Dedicated contact person', 'Net-14 payment terms'],
      preferredChannels: ['web', 'email', 'phone'],
      media: ['LinkedIn', 'E-mail'],
      demographics: { companySize: '50-249', city: 'Wrocław' },
      sources: [interviews(7, '2024-11-05'), { kind: 'support', description: 'B2B ticket review', n: 230 }],
      empathyMap: {
        says: ['Can I get this on a monthly invoice?'],
        thinks: ['The board meeting is on Tuesday'],
        does: ['Orders in bulk', 'Calls the hotline when something is late'],
        feels: ['Responsible', 'Stressed when supplies are late'],
        pains: ['Late deliveries', 'Long hold times'],
        gains: ['Compliments from colleagues'],
      },
    },
    {
      id: 'tomasz-cafe-owner',
      name: 'Tomasz, the café owner',
      customerType: 'business',
      description:
        'Runs two small cafés in Gdańsk; orders by phone, large quantities, price and freshness matter.',
      quote: 'Jak zabraknie ziaren w sobotę rano, tracę klientów.',
      goals: ['Fresh beans every week', 'Good wholesale price'],
      needs: ['Phone ordering', 'Subscription with volume discount'],
      motivations: ['Running a profitable café'],
      values: ['Freshness', 'Personal relationship'],
      frustrations: ['Deliveries that miss the Friday slot'],
      expectations: ['A person who knows his order history'],
      preferredChannels: ['phone', 'field-sales', 'email'],
      media: ['Facebook groups for gastronomy'],
      demographics: { companySize: '10-49', city: 'Gdańsk' },
      sources: [interviews(4, '2024-08-30')],
      empathyMap: {
        says: ['Same as last week, plus two bags of decaf'],
        thinks: ['Will the roaster deliver before the weekend rush?'],
        does: ['Orders by phone', 'Keeps a subscription'],
        feels: ['Dependent on suppliers'],
        pains: ['Late deliveries', 'Price increases'],
        gains: ['Regulars who love his coffee'],
      },
    },
  ].map((p) => Object.freeze(personaSchema.parse(p))),
);
