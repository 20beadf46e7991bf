import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import { chooseLanguage } from '../i18n'
import { fakeApi, json } from '../test/fakeApi'
import { FundArea } from './FundArea'
import { FundPage } from './FundPage'
import { FUND } from './testData'

const SUMMARY: Schemas['FundSummary'] = {
  fundId: 5,
  code: 'MDFM-2019-2021',
  name: 'Multi-donor Funding Modality 2019–2021',
  currency: 'USD',
  target: '1000000.00',
  pledged: '521250.00',
  received: '181125.00',
  outstandingPledges: '135625.00',
  allocated: '80000.00',
  spent: '12500.00',
  available: '101125.00',
  percentOfTarget: '18.11',
  allocatedToAfrica: '50000.00',
  shareToAfrica: '62.50',
  allocatedToLowIncome: '20000.00',
  shareToLowIncome: '25.00',
  incomeGroupEditions: ['FY2020'],
  receivedByDonorType: [
    { donorType: 'CITY', received: '45500.00' },
    { donorType: 'GOVERNMENT', received: '135625.00' },
  ],
  budgetLines: [
    { budgetLineId: 11, code: '1.1', name: 'Training modules on the thematic topics', planned: '200000.00', allocated: '30000.00', spent: '0.00' },
    { budgetLineId: 12, code: '1.2', name: 'Capacity-building workshops', planned: '200000.00', allocated: '50000.00', spent: '12500.00' },
  ],
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.replace(/[\u00a0\u202f]/g, ' ').trim())

function renderPage() {
  return render(
    <MemoryRouter>
      <FundPage fundId={5} />
    </MemoryRouter>,
  )
}

beforeEach(async () => {
  await chooseLanguage('en')
  // jsdom has no canvas: the charts are left out and the tables carry the figures.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('FundPage', () => {
  it('opens the fund of the newest term at /fund', async () => {
    const fetchMock = fakeApi((_request, url) => {
      if (url.pathname === '/api/funds') return json({ items: [{ ...FUND, id: 5 }], page: 1, size: 1, total: 2 })
      if (url.pathname === '/api/funds/5') return json(FUND)
      if (url.pathname === '/api/funds/5/summary') return json(SUMMARY)
    })
    render(
      <MemoryRouter initialEntries={['/fund']}>
        <Routes>
          <Route path="fund/*" element={<FundArea />} />
        </Routes>
      </MemoryRouter>,
    )
    expect((await screen.findByTestId('fund-name')).textContent).toBe(SUMMARY.name)
    expect(fetchMock.mock.calls.map(([request]) => new URL(request.url).pathname)).toContain('/api/funds/5/summary')
  })

  it('shows progress, donors by type, budget lines and the Africa and low-income shares, each chart with its table', async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/funds/5') return json(FUND)
      if (url.pathname === '/api/funds/5/summary') return json(SUMMARY)
    })
    renderPage()

    expect((await screen.findByTestId('fund-name')).textContent).toBe(SUMMARY.name)
    expect(screen.getByTestId('fund-percent').textContent).toBe('18.11% of the target received: $181,125.00 of $1,000,000.00.')
    expect(cells(screen.getByTestId('figure-received'))).toEqual(['Received', '$181,125.00'])
    expect(cells(screen.getByTestId('figure-outstandingPledges'))).toEqual(['Outstanding pledges', '$135,625.00'])
    expect(cells(screen.getByTestId('figure-available'))).toEqual(['Available', '$101,125.00'])
    expect(cells(screen.getByTestId('donor-type-GOVERNMENT'))).toEqual(['Donor country (government)', '$135,625.00'])
    expect(screen.getAllByTestId('budget-line-row').map(cells)).toEqual([
      ['1.1 Training modules on the thematic topics', '$200,000.00', '$30,000.00', '$0.00'],
      ['1.2 Capacity-building workshops', '$200,000.00', '$50,000.00', '$12,500.00'],
    ])
    expect(cells(screen.getByTestId('share-africa'))).toEqual(['Africa', '$50,000.00', '$30,000.00 (elsewhere)', '62.50%'])
    expect(cells(screen.getByTestId('share-low-income'))).toEqual(['Low-income countries', '$20,000.00', '$60,000.00 (other income groups or not stated)', '25.00%'])
    expect(screen.getByTestId('income-editions').textContent).toContain('FY2020')
    // Every chart is an image with a label, next to its table.
    for (const id of ['chart-progress', 'chart-donors', 'chart-lines', 'chart-regions']) {
      expect(screen.getByTestId(id).getAttribute('role')).toBe('img')
      expect(screen.getByTestId(id).getAttribute('aria-label')).toMatch(/table below gives the figures/)
    }
    // A visitor gets no manager links.
    expect(screen.queryByTestId('fund-link-record')).toBeNull()
  })

  it('writes the figures the French and Spanish way', async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/funds/5') return json(FUND)
      if (url.pathname === '/api/funds/5/summary') return json(SUMMARY)
    })
    await chooseLanguage('fr')
    renderPage()
    await screen.findByTestId('fund-name')
    expect(cells(screen.getByTestId('figure-received'))).toEqual(['Reçu', '181 125,00 $US'])
    expect(cells(screen.getByTestId('share-africa'))[3]).toBe('62,50 %')
    cleanup()

    await chooseLanguage('es')
    renderPage()
    await screen.findByTestId('fund-name')
    expect(cells(screen.getByTestId('figure-target'))).toEqual(['Meta', '1.000.000,00 US$'])
  })

  it('shows the server’s problem when there is no such fund, and still offers to open another', async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/funds') return json({ items: [{ ...FUND, id: 7, code: 'MDFM-2022-2023' }], page: 1, size: 200, total: 1 })
      return json({ type: 'about:blank', title: 'Not found', status: 404, detail: 'No fund 5.' }, 404)
    })
    renderPage()
    const problem = await screen.findByTestId('problem')
    expect(problem.textContent).toBe('Not found No fund 5.')
    const chooser = within(await screen.findByRole('form', { name: 'Open another fund' })).getByTestId('fund-chooser')
    expect([...chooser.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['—', `MDFM-2022-2023 — ${FUND.name}`])
  })

  it('offers a choice of fund when there are several, and opens the one chosen', async () => {
    const OTHER = { ...FUND, id: 3, code: 'MDFM-2017-2018', name: 'Multi-donor Funding Modality 2017–2018' }
    fakeApi((_request, url) => {
      if (url.pathname === '/api/funds') return json({ items: [FUND, OTHER], page: 1, size: 200, total: 2 })
      if (url.pathname === '/api/funds/5') return json(FUND)
      if (url.pathname === '/api/funds/5/summary') return json(SUMMARY)
      if (url.pathname === '/api/funds/3') return json(OTHER)
      if (url.pathname === '/api/funds/3/summary') return json({ ...SUMMARY, fundId: 3, code: OTHER.code, name: OTHER.name })
    })
    render(
      <MemoryRouter initialEntries={['/fund']}>
        <Routes>
          <Route path="fund/*" element={<FundArea />} />
        </Routes>
      </MemoryRouter>,
    )
    expect((await screen.findByTestId('fund-name')).textContent).toBe(FUND.name)
    const chooser = (await screen.findByTestId('fund-chooser')) as HTMLSelectElement
    expect(chooser.value).toBe('5')
    expect([...chooser.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      `MDFM-2019-2021 — ${FUND.name}`,
      `MDFM-2017-2018 — ${OTHER.name}`,
    ])
    fireEvent.change(chooser, { target: { value: '3' } })
    await waitFor(() => expect(screen.getByTestId('fund-name').textContent).toBe(OTHER.name))
  })

  it('offers no choice when there is only one fund', async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/funds') return json({ items: [FUND], page: 1, size: 200, total: 1 })
      if (url.pathname === '/api/funds/5') return json(FUND)
      if (url.pathname === '/api/funds/5/summary') return json(SUMMARY)
    })
    renderPage()
    await screen.findByTestId('fund-name')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(screen.queryByTestId('fund-chooser')).toBeNull()
  })
})
