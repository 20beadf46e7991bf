import { describe, expect, it } from 'vitest'
import { NEW_ALLOCATION, previewEntry, previewReversal, type JournalEntry } from './fundApi'

const legs = (preview: ReturnType<typeof previewEntry>) => preview.legs.map((l) => [l.account, l.side, l.amountUsd, l.amount, l.currency])

describe('previewEntry: the entry each movement will post', () => {
  it('a pledge in EUR: memo accounts at the indicative rate, in EUR and in USD', () => {
    const preview = previewEntry({ kind: 'PLEDGE', body: { donorId: 3, amount: '250000.00', currency: 'EUR', exchangeRate: '1.0850', date: '2019-03-01' } })
    expect(legs(preview)).toEqual([
      ['PLEDGED:3', 'DEBIT', '271250.00', '250000.00', 'EUR'],
      ['PLEDGE_COMMITMENTS', 'CREDIT', '271250.00', '250000.00', 'EUR'],
    ])
    expect(preview).toMatchObject({ totalDebits: '271250.00', totalCredits: '271250.00', balanced: true })
  })

  it('a receipt in JPY into its earmark pool, rounded half-even to cents', () => {
    const preview = previewEntry({
      kind: 'RECEIPT',
      body: { donorId: 4, amount: '1234567', currency: 'JPY', exchangeRate: '0.0091', valueDate: '2019-07-01', earmark: { kind: 'REGION', region: 'AFRICA' } },
    })
    // 1,234,567 × 0.0091 = 11,234.5597 → 11,234.56
    expect(legs(preview)).toEqual([
      ['CASH', 'DEBIT', '11234.56', '1234567', 'JPY'],
      ['UNALLOCATED:REGION:AFRICA', 'CREDIT', '11234.56', '1234567', 'JPY'],
    ])
  })

  it('a receipt against a pledge goes to the pledge’s pool; USD needs no rate', () => {
    const preview = previewEntry(
      { kind: 'RECEIPT', body: { donorId: 4, pledgeId: 41, amount: '100.00', currency: 'USD', valueDate: '2019-07-01' } },
      { kind: 'BUDGET_LINE', budgetLineId: 12 },
    )
    expect(legs(preview)).toEqual([
      ['CASH', 'DEBIT', '100.00', '100.00', 'USD'],
      ['UNALLOCATED:BUDGET_LINE:12', 'CREDIT', '100.00', '100.00', 'USD'],
    ])
  })

  it('allocation, expenditure, refund, interest and bank charge move USD between their accounts', () => {
    expect(legs(previewEntry({ kind: 'ALLOCATION', body: { budgetLineId: 2, amount: '50000.00', valueDate: '2019-09-01', source: { kind: 'LOW_INCOME' } } }))).toEqual([
      ['UNALLOCATED:LOW_INCOME', 'DEBIT', '50000.00', null, null],
      [NEW_ALLOCATION, 'CREDIT', '50000.00', null, null],
    ])
    expect(legs(previewEntry({ kind: 'EXPENDITURE', body: { allocationId: 57, amount: '12500.00', valueDate: '2019-11-15' } }))).toEqual([
      ['EXPENDED:57', 'DEBIT', '12500.00', null, null],
      ['CASH', 'CREDIT', '12500.00', null, null],
    ])
    expect(legs(previewEntry({ kind: 'REFUND', body: { donorId: 3, amount: '5000.00', valueDate: '2021-12-31' } }))).toEqual([
      ['UNALLOCATED:NONE', 'DEBIT', '5000.00', null, null],
      ['CASH', 'CREDIT', '5000.00', null, null],
    ])
    expect(legs(previewEntry({ kind: 'INTEREST', body: { amount: '312.45', valueDate: '2019-12-31' } }))).toEqual([
      ['CASH', 'DEBIT', '312.45', null, null],
      ['UNALLOCATED:NONE', 'CREDIT', '312.45', null, null],
    ])
    expect(legs(previewEntry({ kind: 'BANK_CHARGE', body: { amount: '25.00', valueDate: '2019-06-28' } }))).toEqual([
      ['UNALLOCATED:NONE', 'DEBIT', '25.00', null, null],
      ['CASH', 'CREDIT', '25.00', null, null],
    ])
  })

  it('leaves the USD amount open (and says the entry is incomplete) when amount or rate is not valid yet', () => {
    const preview = previewEntry({ kind: 'RECEIPT', body: { donorId: 4, amount: '100,00', currency: 'EUR', exchangeRate: '1.1', valueDate: '2019-07-01' } })
    expect(preview.legs.map((l) => l.amountUsd)).toEqual(['', ''])
    expect(preview).toMatchObject({ totalDebits: null, balanced: false })
  })

  it('a reversal is the mirror of the entry', () => {
    const entry: JournalEntry = {
      id: 9,
      movementId: 8,
      kind: 'RECEIPT',
      valueDate: '2019-06-28',
      donorId: 3,
      reversesEntryId: null,
      reversedByEntryId: null,
      description: null,
      postedBy: 'fund-manager',
      postedAt: '2019-06-28T10:00:00Z',
      legs: [
        { account: 'CASH', side: 'DEBIT', amountUsd: '135625.00', amount: '125000.00', currency: 'EUR' },
        { account: 'UNALLOCATED:NONE', side: 'CREDIT', amountUsd: '135625.00', amount: '125000.00', currency: 'EUR' },
      ],
    }
    expect(legs(previewReversal(entry))).toEqual([
      ['CASH', 'CREDIT', '135625.00', '125000.00', 'EUR'],
      ['UNALLOCATED:NONE', 'DEBIT', '135625.00', '125000.00', 'EUR'],
    ])
  })
})
