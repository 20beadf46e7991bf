import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { JournalPage } from './JournalPage'
import { movement, preview } from './testData'

vi.mock('../auth/AuthProvider', () => ({
  useAuth: () => ({ status: 'authenticated', user: { username: 'fund-manager', name: 'Farah Fund-Manager', roles: ['fund-manager'] } }),
  useHasRole: (role: string) => role === 'fund-manager',
}))

const RECEIPT = movement('RECEIPT', [
  { account: 'CASH', side: 'DEBIT', amountUsd: '135625.00', amount: '125000.00', currency: 'EUR' },
  { account: 'UNALLOCATED:NONE', side: 'CREDIT', amountUsd: '135625.00', amount: '125000.00', currency: 'EUR' },
]).entry

function renderAt(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <JournalPage fundId={5} />
    </MemoryRouter>,
  )
}

beforeEach(async () => {
  await chooseLanguage('en')
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('JournalPage', () => {
  it('asks the journal with the filters of the address', async () => {
    const fetchMock = fakeApi((_request, url) => {
      if (url.pathname === '/api/funds/5/journal') return json({ items: [RECEIPT], page: 1, size: 20, total: 1 })
    })
    renderAt('/fund/5/journal?kind=RECEIPT&donorId=3&account=CASH&from=2019-01-01&to=2019-12-31')
    await screen.findByTestId('journal-entry')
    const query = Object.fromEntries(new URL(requestsTo(fetchMock, '/api/funds/5/journal')[0].url).searchParams)
    expect(query).toEqual({ kind: 'RECEIPT', donorId: '3', account: 'CASH', from: '2019-01-01', to: '2019-12-31', sort: '-id', page: '1', size: '20' })
    expect(screen.getByTestId('journal-total').textContent).toBe('1 entry')
  })

  it("reverses an entry with a reason after showing the server's dry run of the reversal, with an Idempotency-Key", async () => {
    let reversed = false
    const MIRROR = [
      { account: 'CASH', side: 'CREDIT' as const, amountUsd: '135625.00', amount: '125000.00', currency: 'EUR' },
      { account: 'UNALLOCATED:NONE', side: 'DEBIT' as const, amountUsd: '135625.00', amount: '125000.00', currency: 'EUR' },
      { account: 'HELD_FOR_DONORS:NONE', side: 'CREDIT' as const, amountUsd: '135625.00', amount: null, currency: null },
      { account: 'CONTRIBUTIONS:3:NONE', side: 'DEBIT' as const, amountUsd: '135625.00', amount: null, currency: null },
    ]
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/funds/5/journal') {
        const entry: Schemas['JournalEntry'] = reversed ? { ...RECEIPT, reversedByEntryId: 89 } : RECEIPT
        return json({ items: [entry], page: 1, size: 20, total: 1 })
      }
      if (url.pathname === '/api/funds/5/entries/88/reversal' && request.method === 'POST') {
        if (url.searchParams.get('dryRun') === 'true') return json(preview('REVERSAL', MIRROR))
        reversed = true
        return json(movement('REVERSAL', MIRROR), 201)
      }
    })
    renderAt('/fund/5/journal')
    fireEvent.click(await screen.findByTestId('entry-reverse'))
    const form = screen.getByTestId('reversal-form')

    // Without a reason nothing is sent.
    fireEvent.click(within(form).getByTestId('reversal-review'))
    expect((await screen.findByTestId('error-reason')).textContent).toBe('is required')
    expect(requestsTo(fetchMock, '/api/funds/5/entries/88/reversal')).toHaveLength(0)

    fireEvent.change(within(form).getByTestId('reversal-reason'), { target: { value: 'Receipt recorded twice' } })
    fireEvent.change(within(form).getByTestId('reversal-date'), { target: { value: '2019-07-02' } })
    fireEvent.click(within(form).getByTestId('reversal-review'))

    // The entry shown is the server's: all four legs of its dry run, none computed in the browser.
    await within(form).findByTestId('reversal-confirm-step')
    expect(within(form).getAllByTestId('preview-leg').map((row) => `${row.getAttribute('data-account')} ${row.getAttribute('data-side')}`)).toEqual([
      'CASH CREDIT',
      'UNALLOCATED:NONE DEBIT',
      'HELD_FOR_DONORS:NONE CREDIT',
      'CONTRIBUTIONS:3:NONE DEBIT',
    ])
    const [dryRun] = requestsTo(fetchMock, '/api/funds/5/entries/88/reversal')
    expect(new URL(dryRun.url).searchParams.get('dryRun')).toBe('true')
    expect(dryRun.headers.get('Idempotency-Key')).toBeNull()
    expect(await dryRun.json()).toEqual({ reason: 'Receipt recorded twice', valueDate: '2019-07-02' })

    fireEvent.click(within(form).getByTestId('reversal-confirm'))
    expect((await screen.findByTestId('entry-reversed')).textContent).toBe('Reversed by entry 89')
    const posts = requestsTo(fetchMock, '/api/funds/5/entries/88/reversal').filter((r) => new URL(r.url).searchParams.get('dryRun') !== 'true')
    expect(posts).toHaveLength(1)
    expect(posts[0].headers.get('Idempotency-Key')).toBeTruthy()
    expect(await posts[0].json()).toEqual({ reason: 'Receipt recorded twice', valueDate: '2019-07-02' })
    await waitFor(() => expect(screen.queryByTestId('entry-reverse')).toBeNull())
  })

  it("shows the server's refusal of a reversal (money already allocated) before anything is posted", async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/funds/5/journal') return json({ items: [RECEIPT], page: 1, size: 20, total: 1 })
      if (url.pathname === '/api/funds/5/entries/88/reversal' && request.method === 'POST') {
        return json({ type: 'https://learningcities.example/problems/insufficient-funds', title: 'Not enough money available', status: 409,
          detail: 'Reversing entry 88 would leave pool NONE below zero; reverse what was done with that money first.' }, 409)
      }
    })
    renderAt('/fund/5/journal')
    fireEvent.click(await screen.findByTestId('entry-reverse'))
    const form = screen.getByTestId('reversal-form')
    fireEvent.change(within(form).getByTestId('reversal-reason'), { target: { value: 'Twice' } })
    fireEvent.click(within(form).getByTestId('reversal-review'))
    expect((await within(form).findByRole('alert')).textContent).toContain('would leave pool NONE below zero')
    expect(within(form).queryByTestId('reversal-confirm-step')).toBeNull()
    const sent = requestsTo(fetchMock, '/api/funds/5/entries/88/reversal')
    expect(sent).toHaveLength(1)
    expect(new URL(sent[0].url).searchParams.get('dryRun')).toBe('true')
  })
})
