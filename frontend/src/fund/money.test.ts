import { describe, expect, it } from 'vitest'
import { formatMoney, formatPercent, formatRate, subtractUsd, sumUsd } from './money'

// Intl may put a narrow no-break space (U+202F) or a no-break space (U+00A0) where a space is read.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

describe('formatMoney', () => {
  it('writes an amount the way each language does', () => {
    expect(formatMoney('1234567.50', 'USD', 'en')).toBe('$1,234,567.50')
    expect(plain(formatMoney('1234567.50', 'EUR', 'fr'))).toBe('1 234 567,50 €')
    expect(plain(formatMoney('1234567.50', 'EUR', 'es'))).toBe('1.234.567,50 €')
  })

  it('keeps the minor units of the currency: none for JPY, three for BHD', () => {
    expect(formatMoney('500', 'JPY', 'en')).toBe('¥500')
    expect(plain(formatMoney('1500000', 'JPY', 'fr'))).toMatch(/^1 500 000 (JPY|¥)$/)
    expect(plain(formatMoney('12.345', 'BHD', 'en'))).toBe('BHD 12.345')
    expect(plain(formatMoney('12.345', 'BHD', 'es'))).toBe('12,345 BHD')
  })

  it('formats from the decimal string, so a large amount keeps every cent', () => {
    // As a float, 123456789012345.67 would print as …345.66 or …345.70.
    expect(formatMoney('123456789012345.67', 'USD', 'en')).toBe('$123,456,789,012,345.67')
  })

  it('writes a credit balance with its sign', () => {
    expect(formatMoney('-1250.00', 'USD', 'en')).toBe('-$1,250.00')
  })

  it('writes percentages and rates in the language', () => {
    expect(plain(formatPercent('12.50', 'fr'))).toBe('12,50 %')
    expect(formatPercent('100.00', 'en')).toBe('100.00%')
    expect(formatRate('1.0850', 'es')).toBe('1,0850')
  })
})

describe('sums of USD amounts', () => {
  it('adds and subtracts in cents', () => {
    expect(sumUsd(['0.10', '0.20'])).toBe('0.30')
    expect(sumUsd([])).toBe('0.00')
    expect(subtractUsd('1000000.00', '250000.01')).toBe('749999.99')
    expect(subtractUsd('5.00', '7.50')).toBe('-2.50')
  })
})
