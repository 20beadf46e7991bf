import type { Language } from '../i18n'

// Money arrives as decimal strings with exactly the currency's minor units ("1000.00" USD,
// "500" JPY, "12.345" BHD). It is formatted from the string itself (Intl.NumberFormat takes a
// decimal string exactly) and any arithmetic is done on integers of minor units (BigInt), never
// on floating-point numbers.

/** An exact decimal: units ÷ 10^scale. */
type Decimal = { units: bigint; scale: number }

const DECIMAL = /^(\d{1,15})(?:\.(\d{1,10}))?$/

export function parseDecimal(text: string | null | undefined): Decimal | null {
  const match = DECIMAL.exec((text ?? '').trim())
  if (!match) return null
  const fraction = match[2] ?? ''
  return { units: BigInt(match[1] + fraction), scale: fraction.length }
}

/** Minor units → "1234.50" (scale 2), "-3.10", "500" (scale 0). */
function write(units: bigint, scale: number): string {
  const negative = units < 0n
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0')
  const whole = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
  return negative ? `-${whole}` : whole
}

/** The exact sum of USD amounts with two decimals ("0.00" for none). */
export function sumUsd(amounts: string[]): string {
  return write(amounts.reduce((total, amount) => total + cents(amount), 0n), 2)
}

/** Units of `d` at a larger scale, exactly. */
function atScale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale)
}

/**
 * The exact sum and difference of typed amounts in any currency, written with as many decimals
 * as the most precise of them: `total − (sum of parts)` as { sum, rest }. Blank parts count as
 * nothing; a part that is not an amount makes the sum null; without a total, rest is null.
 */
export function sumAndRest(parts: string[], total: string): { sum: string | null; rest: string | null } {
  const decimals = parts.filter((part) => part.trim() !== '').map(parseDecimal)
  if (decimals.some((d) => d === null)) return { sum: null, rest: null }
  const whole = total.trim() === '' ? null : parseDecimal(total)
  const known = decimals as Decimal[]
  const scale = Math.max(0, whole?.scale ?? 0, ...known.map((d) => d.scale))
  const sum = known.reduce((acc, d) => acc + atScale(d, scale), 0n)
  return { sum: write(sum, scale), rest: whole ? write(atScale(whole, scale) - sum, scale) : null }
}

// Intl.NumberFormat formats a decimal string exactly (ECMA-402 "Intl.NumberFormat v3"); the
// ES2022 typings only know numbers, hence the cast.
type StringFormat = (value: string) => string

const formats = new Map<string, StringFormat>()
function formatter(language: Language, options: Intl.NumberFormatOptions): StringFormat {
  const key = `${language}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    const intl = new Intl.NumberFormat(language, options)
    format = intl.format.bind(intl) as unknown as StringFormat
    formats.set(key, format)
  }
  return format
}

/** "1000.00" USD → "$1,000.00" (en), "1 000,00 $US" (fr), "1000,00 US$" (es); "500" JPY keeps no decimals. */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined, language: Language): string {
  if (amount == null || amount === '') return ''
  // A negative balance ("-1250.00") is a decimal string too.
  return formatter(language, currency ? { style: 'currency', currency } : {})(amount)
}

/** "12.50" (a percentage as the API writes it) → "12.50%" / "12,50 %". */
export function formatPercent(percent: string, language: Language): string {
  return formatter(language, { style: 'unit', unit: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 })(percent)
}

/** A rate as given ("1.0850"), in the language's digits. */
export function formatRate(rate: string | null | undefined, language: Language): string {
  if (!rate) return ''
  const fraction = rate.split('.')[1]?.length ?? 0
  return formatter(language, { minimumFractionDigits: fraction, maximumFractionDigits: fraction })(rate)
}

/** A decimal string as a number for drawing a chart only (never for sums or shown figures). */
export function chartValue(amount: string): number {
  return Number(amount)
}

/** a − b for USD amounts with two decimals, exactly ("-5.00" when b is larger). */
export function subtractUsd(a: string, b: string): string {
  return write(cents(a) - cents(b), 2)
}

function cents(amount: string): bigint {
  const negative = amount.startsWith('-')
  const d = parseDecimal(negative ? amount.slice(1) : amount)
  if (!d || d.scale > 2) throw new Error(`not a USD amount: ${amount}`)
  const value = d.units * 10n ** BigInt(2 - d.scale)
  return negative ? -value : value
}
