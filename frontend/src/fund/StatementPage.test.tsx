import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { StatementPage } from './StatementPage'
import { STATEMENT } from './testData'

// A logged-in donor (the page asks for a login first).
vi.mock('../auth/AuthProvider', () => ({
  useAuth: () => ({ status: 'authenticated', user: { username: 'donor', name: 'Dana Donor', roles: ['donor'] } }),
  useHasRole: (role: string) => role === 'donor',
}))

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/[\u00a0\u202f]/g, ' ').trim())

function renderPage(donorId = 3) {
  return render(
    <MemoryRouter>
      <StatementPage fundId={5} donorId={donorId} />
    </MemoryRouter>,
  )
}

beforeEach(async () => {
  await chooseLanguage('en')
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('StatementPage', () => {
  it('lists pledges and receipts in their own currency and in USD, JPY without decimals', async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/funds/5/donors/3/statement') return json(STATEMENT)
    })
    renderPage()

    expect((await screen.findByTestId('statement-donor')).textContent).toBe('Example Ministry of Education (Donor country (government))')
    expect(screen.getByTestId('statement-total').textContent).toBe('Total contributed (received less refunded): $181,125.00.')
    expect(screen.getAllByTestId('statement-pledge').map(cells)).toEqual([
      ['Mar 1, 2019', '€250,000.00', '$271,250.00', 'Region: AFRICA', '€125,000.00', '€125,000.00'],
    ])
    expect(screen.getAllByTestId('statement-receipt').map(cells)).toEqual([
      ['Jun 28, 2019', '€125,000.00', '1.085', '$135,625.00', 'Region: AFRICA', 'DEUTDEFF-0628'],
      ['Sep 30, 2019', '¥5,000,000', '0.0091', '$45,500.00', 'Not earmarked', ''],
    ])
  })

  it('shows where the money went: each use with the donor’s share of its pool, and the attribution rule in words', async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/funds/5/donors/3/statement') {
        return json({
          ...STATEMENT,
          usesTotal: 2,
          attributionRule: 'Unearmarked money is attributed pro rata to your share of unearmarked receipts.',
          uses: [
            { allocationId: 41, valueDate: '2019-10-01', pool: { kind: 'REGION', budgetLineId: null, clusterId: null, region: 'AFRICA' },
              budgetLineId: 7, beneficiaryRegion: 'AFRICA', beneficiaryIncomeGroup: 'LOW', share: '45.50', allocatedUsd: '100000.00', spentUsd: '25000.00' },
            { allocationId: 42, valueDate: '2019-11-15', pool: { kind: 'NONE', budgetLineId: null, clusterId: null, region: null },
              budgetLineId: null, beneficiaryRegion: null, beneficiaryIncomeGroup: null, share: '12.00', allocatedUsd: '30000.00', spentUsd: '0.00' },
          ],
        })
      }
    })
    renderPage()

    expect((await screen.findByTestId('statement-rule')).textContent).toBe('Unearmarked money is attributed pro rata to your share of unearmarked receipts.')
    const headers = [...screen.getByTestId('statement-uses').querySelectorAll('thead th')].map((th) => th.textContent)
    expect(headers.slice(-2)).toEqual(['Donor’s part allocated', 'Donor’s part spent']) // the API gives the donor's part, not the allocation
    expect(screen.getAllByTestId('statement-use').map(cells)).toEqual([
      ['Oct 1, 2019', '41', 'Region: AFRICA', '7', 'AFRICA', 'LOW', '45.50%', '$100,000.00', '$25,000.00'],
      ['Nov 15, 2019', '42', 'Not earmarked', '—', 'Not stated', 'Not stated', '12.00%', '$30,000.00', '$0.00'],
    ])
  })

  it('asks one page of the statement at a time and pages through the longest list', async () => {
    const fetchMock = fakeApi((_request, url) => {
      if (url.pathname === '/api/funds/5/donors/3/statement') {
        const page = Number(url.searchParams.get('page'))
        return json({ ...STATEMENT, page, receiptsTotal: 120, receipts: page === 3 ? STATEMENT.receipts.slice(0, 1) : STATEMENT.receipts })
      }
    })
    renderPage()
    await screen.findByTestId('statement-donor')
    const asked = () => requestsTo(fetchMock, '/api/funds/5/donors/3/statement').map((r) => Object.fromEntries(new URL(r.url).searchParams))
    expect(asked()).toEqual([{ page: '1', size: '50' }])
    fireEvent.click(screen.getByTestId('page-next'))
    await waitFor(() => expect(asked()).toHaveLength(2))
    fireEvent.click(await screen.findByTestId('page-next'))
    await waitFor(() => expect(screen.getAllByTestId('statement-receipt')).toHaveLength(1))
    expect(asked()).toEqual([{ page: '1', size: '50' }, { page: '2', size: '50' }, { page: '3', size: '50' }])
    expect((screen.getByTestId('page-next') as HTMLButtonElement).disabled).toBe(true)
  })

  it('says plainly that another donor’s statement is not theirs (403)', async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/funds/5/donors/4/statement') {
        return json({ type: 'https://learning-cities.example.org/problems/forbidden', title: 'Forbidden', status: 403, detail: 'A donor reads only its own statements.' }, 403)
      }
    })
    renderPage(4)
    const message = await screen.findByTestId('statement-forbidden')
    expect(message.textContent).toBe(
      'You can read only the statements of your own donor organisation; this one belongs to another donor.A donor reads only its own statements.',
    )
    expect(screen.queryByTestId('statement')).toBeNull()
  })

  it('downloads the statement as CSV, asked for with Accept: text/csv', async () => {
    const csv = 'kind,movementId,date,amount,currency\r\nPLEDGE,41,2019-03-01,250000.00,EUR\r\n'
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname !== '/api/funds/5/donors/3/statement') return undefined
      if (request.headers.get('Accept') === 'text/csv') return new Response(csv, { headers: { 'Content-Type': 'text/csv' } })
      return json(STATEMENT)
    })
    const saved: { name: string; text: Promise<string> }[] = []
    // jsdom has no object URLs: these keep what would be saved.
    URL.createObjectURL = (blob: Blob) => {
      saved.push({ name: '', text: blob.text() })
      return 'blob:statement'
    }
    URL.revokeObjectURL = () => {}
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved[saved.length - 1].name = this.download
    })
    renderPage()
    fireEvent.click(await screen.findByTestId('statement-csv'))

    await waitFor(() => expect(click).toHaveBeenCalled())
    const csvRequest = requestsTo(fetchMock, '/api/funds/5/donors/3/statement').find((request) => request.headers.get('Accept') === 'text/csv')
    expect(csvRequest).toBeDefined()
    expect(saved[0].name).toBe('statement-fund-5-donor-3.csv')
    expect(await saved[0].text).toBe(csv)
  })

  it('shows why the CSV could not be had (the server’s problem)', async () => {
    fakeApi((request, url) => {
      if (url.pathname !== '/api/funds/5/donors/3/statement') return undefined
      if (request.headers.get('Accept') === 'text/csv') return json({ type: 'about:blank', title: 'Not Acceptable', status: 406 }, 406)
      return json(STATEMENT)
    })
    renderPage()
    fireEvent.click(await screen.findByTestId('statement-csv'))
    expect((await screen.findByTestId('problem')).textContent).toBe('Not Acceptable')
  })
})
