import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { ClustersPage } from './ClustersPage'
import { formatUsd } from './clustersApi'
import { BALANCE, clusterReads, CORK, LATER_TERM, list, OSAN, TERM, WORK_AREA_LIST } from './testData'

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await chooseLanguage('en')
})

const REGIONS = {
  items: [
    { code: 'AFRICA', name: 'Africa', countryCount: 54 },
    { code: 'ASIA_PACIFIC', name: 'Asia and the Pacific', countryCount: 44 },
    { code: 'EUROPE_NORTH_AMERICA', name: 'Europe and North America', countryCount: 50 },
  ],
  page: 1,
  size: 5,
  total: 3,
}
const TOPICS = {
  items: [
    { number: 2, code: 'HEALTH', name: 'Health and well-being education for all citizens', groupNumber: 1 },
    { number: 6, code: 'LITERACY', name: 'Literacy', groupNumber: 2 },
  ],
  page: 1,
  size: 12,
  total: 2,
}
const SEVEN_CLUSTERS = {
  workAreas: [
    { workArea: 1, totalUsd: '1120000.00' },
    { workArea: 2, totalUsd: '700000.00' },
    { workArea: 3, totalUsd: '490000.00' },
    { workArea: 4, totalUsd: '140000.00' },
  ],
  totalUsd: '2450000.00',
}

function clustersApi() {
  return fakeApi((_request, url) => {
    switch (url.pathname) {
      case '/api/cluster-terms':
        return list([LATER_TERM, TERM])
      case '/api/reference/regions':
        return json(REGIONS)
      case '/api/reference/topics':
        return json(TOPICS)
      case '/api/reference/work-areas':
        return json(WORK_AREA_LIST)
      case '/api/clusters/7/terms/1/coordinators':
      case '/api/clusters/6/terms/2/coordinators':
      case '/api/clusters/7/terms/2/coordinators':
        return list([])
      case '/api/clusters/7/terms/1/balance':
      case '/api/clusters/6/terms/2/balance':
      case '/api/clusters/7/terms/2/balance':
        return json({ ...BALANCE, regions: BALANCE.regions.map((r) => ({ ...r, members: 0, coordinators: 0 })), members: 0, coordinators: 0 })
      case '/api/cluster-terms/1/work-plan-sums':
      case '/api/cluster-terms/2/work-plan-sums':
        return json(SEVEN_CLUSTERS)
    }
    return clusterReads(url)
  })
}

function renderAt(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/clusters" element={<ClustersPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

describe('ClustersPage', () => {
  it('lists each cluster with its topics, coordinators and members per region, and the term total', async () => {
    clustersApi()
    renderAt('/clusters?term=1')

    const rows = await screen.findAllByTestId('cluster-row')
    expect(rows).toHaveLength(2)
    const health = rows[0]
    expect(within(health).getByRole('link', { name: 'Health and well-being' }).getAttribute('href')).toBe('/clusters/6?term=1')
    await within(health).findByText('Health and well-being education for all citizens')
    await waitFor(() => expect(within(health).getByTestId('cluster-coordinators').textContent).toBe(`${CORK.name}, ${OSAN.name}`))
    await waitFor(() =>
      expect(within(health).getByTestId('cluster-members').textContent).toBe('3 — Africa 1, Asia and the Pacific 1, Europe and North America 1'),
    )
    await waitFor(() => expect(within(rows[1]).getByTestId('cluster-coordinators').textContent).toBe('No coordinator appointed.'))
    expect(within(rows[1]).getByTestId('member-total').textContent).toBe('0')

    expect((await screen.findByTestId('term-total')).textContent).toBe('$2,450,000')
    const sums = screen.getByTestId('term-sums')
    await within(sums).findByText('Policy and practice exchange')
    expect(within(sums).getByText('$1,120,000')).toBeTruthy()
  })

  it('shows the latest term first and another term when chosen', async () => {
    const fetchMock = clustersApi()
    renderAt('/clusters')

    const select = (await screen.findByTestId('cluster-term')) as HTMLSelectElement
    expect(select.value).toBe('2')
    await waitFor(() => expect(requestsTo(fetchMock, '/api/clusters/6/terms/2/balance')).toHaveLength(1))
    fireEvent.change(select, { target: { value: '1' } })
    await waitFor(() => expect(requestsTo(fetchMock, '/api/clusters/6/terms/1/balance')).toHaveLength(1))
    expect(screen.getAllByRole('link', { name: 'Health and well-being' })[0].getAttribute('href')).toBe('/clusters/6?term=1')
  })
})

describe('formatUsd', () => {
  it('formats the exact decimal string, with cents only when there are any', () => {
    expect(formatUsd('350000.00', 'en')).toBe('$350,000')
    expect(formatUsd('12500.50', 'en')).toBe('$12,500.50')
    expect(formatUsd('0.00', 'es').replace(/\s/g, ' ')).toBe('0 US$')
    // The largest amount the contract allows (13 digits and cents) keeps every digit.
    expect(formatUsd('9999999999999.99', 'en')).toBe('$9,999,999,999,999.99')
    expect(formatUsd('1234567890123.45', 'fr').replace(/\s/g, ' ')).toBe('1 234 567 890 123,45 $US')
  })
})
