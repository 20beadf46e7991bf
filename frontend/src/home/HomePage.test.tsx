import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { HomePage } from '../pages/HomePage'
import { fakeApi, json, requestsTo } from '../test/fakeApi'

export const STATS = {
  computedAt: '2026-11-25T10:00:00Z',
  memberCities: 1234,
  countries: 64,
  regions: 2,
  byRegion: [
    { code: 'AFRICA', name: 'Africa', memberCities: 234 },
    { code: 'EUROPE_NORTH_AMERICA', name: 'Europe and North America', memberCities: 1000 },
  ],
  admittedPerYear: [
    { year: 2016, memberCities: 1000 },
    { year: 2019, memberCities: 234 },
  ],
  term: { id: 1, code: '2019-2021', startsOn: '2019-09-01', endsOn: '2021-08-31' },
  clusters: [
    {
      id: 6,
      name: 'Health and well-being',
      topics: [{ number: 2, name: 'Health and well-being education for all citizens' }],
      coordinators: [{ memberId: 3, name: 'Cork', country: 'IE' }],
      memberCities: 12,
    },
    { id: 7, name: 'Literacy', topics: [{ number: 6, name: 'Literacy' }], coordinators: [], memberCities: 4 },
  ],
  fund: {
    fundId: 9,
    code: 'MDFM',
    name: 'Multi-donor fund',
    target: '1000000.00',
    received: '250000.00',
    percentOfTarget: '25.00',
    allocated: '200000.00',
    allocatedToAfrica: '100000.00',
    shareToAfrica: '50.00',
    allocatedToLowIncome: '50000.00',
    shareToLowIncome: '25.00',
  },
  news: [
    {
      id: 1,
      clusterId: 6,
      clusterName: 'Health and well-being',
      reportId: 2,
      date: '2020-06-15',
      title: 'The cluster agrees its work plan',
      text: '…',
      link: null,
      language: 'en',
    },
  ],
  resources: [],
}

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await chooseLanguage('en')
})

function renderHome() {
  return render(
    <MemoryRouter initialEntries={['/']}>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/library" element={<p data-testid="library">library</p>} />
      </Routes>
    </MemoryRouter>,
  )
}

describe('HomePage', () => {
  it('shows the figures of one /api/stats call, formatted for the language', async () => {
    const fetchMock = fakeApi((_request, url) => (url.pathname === '/api/stats' ? json(STATS) : undefined))
    renderHome()
    expect(await screen.findByTestId('stat-members')).toHaveProperty('textContent', '1,234 member cities')
    expect(screen.getByTestId('region-counts').textContent).toContain('Europe and North America: 1,000')
    const rows = within(screen.getByTestId('admitted-table')).getAllByRole('row').map((row) => row.textContent)
    expect(rows).toEqual(['YearMember cities', '20161,000', '2019234'])
    expect(screen.getByText('Cork (IE)')).toBeTruthy()
    expect(screen.getByText('No coordinator appointed yet')).toBeTruthy()
    expect(screen.getByTestId('fund-progress').textContent).toContain('$250,000 received of a $1,000,000 target')
    expect(screen.getByTestId('fund-africa').textContent).toBe('Allocated to Africa: $100,000 (50% of allocations)')
    expect(screen.getByText('No resources have been added yet.')).toBeTruthy()
    expect(requestsTo(fetchMock, '/api/stats')).toHaveLength(1)

    await chooseLanguage('fr')
    await waitFor(() => expect(screen.getByTestId('stat-members').textContent).toMatch(/^1\s234 villes membres$/))
    expect(new URL(requestsTo(fetchMock, '/api/stats')[1].url).searchParams.get('lang')).toBe('fr')
  })

  it('shows a problem from the API as a readable message', async () => {
    fakeApi((_request, url) =>
      url.pathname === '/api/stats' ? json({ type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'The database is down.' }, 503) : undefined,
    )
    renderHome()
    expect(await screen.findByText(/The database is down/)).toBeTruthy()
  })

  it('searches the library with the words typed', async () => {
    fakeApi((_request, url) => (url.pathname === '/api/stats' ? json(STATS) : undefined))
    renderHome()
    fireEvent.change(screen.getByTestId('home-search'), { target: { value: 'décrochage scolaire' } })
    fireEvent.click(screen.getByTestId('home-search-button'))
    expect(await screen.findByTestId('library')).toBeTruthy()
  })
})
