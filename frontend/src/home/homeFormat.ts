import type { Language } from '../i18n'

/** A USD amount from the API's decimal string, in the reader's language. */
export function formatUsd(amount: string | null | undefined, language: Language): string {
  if (amount == null) return ''
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(Number(amount))
}

/** A percentage from the API's "12.34" (percent with two decimals). */
export function formatPercent(percent: string | null | undefined, language: Language): string {
  if (percent == null) return ''
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(Number(percent) / 100)
}

/** Region colours: Okabe–Ito, apart for colour-blind readers; the legend also gives each count in words. */
export const REGION_COLOURS: Record<string, string> = {
  AFRICA: '#D55E00',
  ARAB_STATES: '#E69F00',
  ASIA_PACIFIC: '#009E73',
  EUROPE_NORTH_AMERICA: '#0072B2',
  LATIN_AMERICA_CARIBBEAN: '#CC79A7',
}
