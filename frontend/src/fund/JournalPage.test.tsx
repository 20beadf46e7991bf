import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { JournalPage } from './JournalPage'
import { movement } from './testData'

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

  it('reverses an entry with a reason, after showing the mirror entry, with an Idempotency-Key', async () => {
    let reversed = false
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/funds/5/journal') {
        const entry: Schemas['JournalEntry'] = reversed ? { ...RECEIPT, reversedByEntryId: 89 } : RECEIPT
        return json({ items: [entry], page: 1, size: 20, total: 1 })
      }
      if (url.pathname === '/api/funds/5/entries/88/reversal' && request.method === 'POST') {
        reversed = true
        return json(movement('REVERSAL', RECEIPT.legs), 201)
      }
    })
    renderAt('/fund/5/journal')
    fireEvent.click(await screen.findByTestId('entry-reverse'))
    const form = screen.getByTestId('reversal-form')
    expect(within(form).getAllByTestId('preview-leg').map((row) => `${row.getAttribute('data-account')} ${row.getAttribute('data-side')}`)).toEqual([
      'CASH CREDIT',
      'UNALLOCATED:NONE DEBIT',
    ])

    // Without a reason nothing is sent.
    fireEvent.click(within(form).getByTestId('reversal-confirm'))
    expect((await screen.findByTestId('error-reason')).textContent).toBe('is required')
    expect(requestsTo(fetchMock, '/api/funds/5/entries/88/reversal')).toHaveLength(0)

    fireEvent.change(within(form).getByTestId('reversal-reason'), { target: { value: 'Receipt recorded twice' } })
    fireEvent.change(within(form).getByTestId('reversal-date'), { target: { value: '2019-07-02' } })
    fireEvent.click(within(form).getByTestId('reversal-confirm'))

    expect((await screen.findByTestId('entry-reversed')).textContent).toBe('Reversed by entry 89')
    const [post] = requestsTo(fetchMock, '/api/funds/5/entries/88/reversal')
    expect(post.headers.get('Idempotency-Key')).toBeTruthy()
    expect(await post.json()).toEqual({ reason: 'Receipt recorded twice', valueDate: '2019-07-02' })
    await waitFor(() => expect(screen.queryByTestId('entry-reverse')).toBeNull())
  })
})
