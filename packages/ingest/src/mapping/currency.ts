/** Currency symbols that name one currency. */
const SYMBOLS: Readonly<Record<string, string>> = {
  zł: 'PLN',
  zl: 'PLN',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  '₽': 'RUB',
  '₴': 'UAH',
  '₺': 'TRY',
  '₩': 'KRW',
  Kč: 'CZK',
  Ft: 'HUF',
  lei: 'RON',
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  R$: 'BRL',
  HK$: 'HKD',
  S$: 'SGD',
};
/** Symbols shared by several currencies: the code must come from the currency field. */
const SHARED: Readonly<Record<string, readonly string[]>> = {
  $: ['USD', 'CAD', 'AUD', 'NZD', 'MXN', 'SGD', 'HKD', 'ARS', 'CLP', 'COP'],
  kr: ['SEK', 'NOK', 'DKK', 'ISK'],
  '¥': ['JPY', 'CNY'],
  Fr: ['CHF'],
};

/** Result of {@link resolveCurrency}: the code, or an issue code and message (internal). */
export type CurrencyResolution =
  | { readonly code: string }
  | {
      readonly error: 'unknown_currency' | 'ambiguous_currency' | 'currency_mismatch';
      readonly message: string;
    };

/**
 * The ISO 4217 code of a currency token written in a money cell (`zł`, `€`, `PLN`, `$`), checked against the
 * currency the record declares (`declared`, from the currency field, or `undefined`) (internal).
 */
export function resolveCurrency(token: string, declared: string | undefined): CurrencyResolution {
  const upper = token.toUpperCase();
  const codes = /^[A-Z]{3}$/.test(upper)
    ? [upper]
    : SYMBOLS[token] !== undefined
      ? [SYMBOLS[token] as string]
      : SHARED[token];
  if (codes === undefined) {
    return {
      error: 'unknown_currency',
      message: `Expected a currency code or symbol, got ${JSON.stringify(token)}`,
    };
  }
  if (declared !== undefined) {
    return codes.includes(declared)
      ? { code: declared }
      : {
          error: 'currency_mismatch',
          message: `The amount is in ${JSON.stringify(token)}, but the record's currency is ${declared}`,
        };
  }
  if (codes.length > 1) {
    return {
      error: 'ambiguous_currency',
      message: `The symbol ${JSON.stringify(token)} is used by ${codes.join(', ')}: map the currency field (a column or a value) to say which`,
    };
  }
  return { code: codes[0] as string };
}
