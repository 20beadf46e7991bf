import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiProblem } from '../api/problem'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { loadPreview, previewReversal, type PreviewEntry } from './fundApi'
import { preview } from './testData'

const legs = (entry: PreviewEntry) => entry.legs.map((l) => [l.account, l.side, l.amountUsd, l.amount, l.currency])

afterEach(() => vi.unstubAllGlobals())

describe('loadPreview: the entry the server will post, from its dry run', () => {
  it('sends the same POST with dryRun=true and no Idempotency-Key, and shows the legs the server answered', async () => {
    const fetchMock = fakeApi((_request, url) => {
      if (url.pathname === '/api/funds/5/interest' && url.searchParams.get('dryRun') === 'true') {
        return json(preview('INTEREST', [
          { account: 'CASH', side: 'DEBIT', amountUsd: '312.45', amount: null, currency: null },
          { account: 'INTEREST', side: 'CREDIT', amountUsd: '312.45', amount: null, currency: null },
        ]))
      }
    })
    const entry = await loadPreview(5, { kind: 'INTEREST', body: { amount: '312.45', valueDate: '2019-12-31' } })
    expect(legs(entry)).toEqual([
      ['CASH', 'DEBIT', '312.45', null, null],
      ['INTEREST', 'CREDIT', '312.45', null, null],
    ])
    expect(entry).toMatchObject({ totalDebits: '312.45', totalCredits: '312.45', balanced: true })
    const [request] = requestsTo(fetchMock, '/api/funds/5/interest')
    expect(request.method).toBe('POST')
    expect(request.headers.get('Idempotency-Key')).toBeNull()
    expect(await request.json()).toEqual({ amount: '312.45', valueDate: '2019-12-31' })
  })

  it('rejects with the server’s problem when it refuses the movement (409 insufficient funds)', async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/funds/5/allocations') {
        return json({ type: 'https://learning-cities.example.org/problems/insufficient-funds', title: 'Not enough money available', status: 409, detail: 'Only 10.00 USD is available in pool NONE.' }, 409)
      }
    })
    const refusal = loadPreview(5, { kind: 'ALLOCATION', body: { budgetLineId: 2, amount: '50000.00', valueDate: '2019-09-01' } })
    await expect(refusal).rejects.toBeInstanceOf(ApiProblem)
    await expect(refusal).rejects.toMatchObject({ status: 409, detail: 'Only 10.00 USD is available in pool NONE.' })
  })
})

describe('previewReversal: the mirror entry from the server, not computed here', () => {
  it('posts the reversal with dryRun=true and no Idempotency-Key, and shows every leg the server answered', async () => {
    const fetchMock = fakeApi((_request, url) => {
      if (url.pathname === '/api/funds/5/entries/9/reversal' && url.searchParams.get('dryRun') === 'true') {
        return json(preview('REVERSAL', [
          { account: 'CASH', side: 'CREDIT', amountUsd: '135625.00', amount: '125000.00', currency: 'EUR' },
          { account: 'UNALLOCATED:NONE', side: 'DEBIT', amountUsd: '135625.00', amount: '125000.00', currency: 'EUR' },
          { account: 'HELD_FOR_DONORS:NONE', side: 'CREDIT', amountUsd: '135625.00', amount: null, currency: null },
          { account: 'CONTRIBUTIONS:3:NONE', side: 'DEBIT', amountUsd: '135625.00', amount: null, currency: null },
        ]))
      }
    })
    const entry = await previewReversal(5, 9, { reason: 'twice', valueDate: '2019-07-02' })
    expect(legs(entry)).toEqual([
      ['CASH', 'CREDIT', '135625.00', '125000.00', 'EUR'],
      ['UNALLOCATED:NONE', 'DEBIT', '135625.00', '125000.00', 'EUR'],
      ['HELD_FOR_DONORS:NONE', 'CREDIT', '135625.00', null, null],
      ['CONTRIBUTIONS:3:NONE', 'DEBIT', '135625.00', null, null],
    ])
    expect(entry).toMatchObject({ totalDebits: '271250.00', totalCredits: '271250.00', balanced: true })
    const [request] = requestsTo(fetchMock, '/api/funds/5/entries/9/reversal')
    expect(request.headers.get('Idempotency-Key')).toBeNull()
    expect(await request.json()).toEqual({ reason: 'twice', valueDate: '2019-07-02' })
  })
})
