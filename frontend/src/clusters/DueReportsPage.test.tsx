import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { DueReportsPage } from './DueReportsPage'
import { authenticated } from './testData'

const auth = vi.hoisted(() => ({ state: { status: 'anonymous' } as AuthState }))
vi.mock('../auth/AuthProvider', () => ({
  useAuth: () => auth.state,
  useHasRole: (role: string) => auth.state.status === 'authenticated' && auth.state.user.roles.includes(role as never),
}))

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  auth.state = { status: 'anonymous' }
  await chooseLanguage('en')
})

const due = (clusterId: number, year: number, half: number, dueOn: string, daysOverdue: number): Schemas['DueClusterReport'] => ({
  clusterId,
  clusterName: { en: clusterId === 6 ? 'Health and well-being' : 'Literacy', fr: null, es: null },
  termId: 1,
  termCode: '2019-2021',
  year,
  half,
  periodStart: `${year}-${half === 1 ? '01-01' : '07-01'}`,
  periodEnd: `${year}-${half === 1 ? '06-30' : '12-31'}`,
  dueOn,
  overdue: daysOverdue > 0,
  daysOverdue,
})

const DUE = [due(6, 2020, 2, '2021-01-30', 1), due(7, 2021, 1, '2021-07-30', 0)]

describe('DueReportsPage', () => {
  it('lists the missing reports with how late they are, and asks the API for the overdue ones only', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = fakeApi((_request, url) => {
      if (url.pathname !== '/api/cluster-reports/due') return undefined
      const items = url.searchParams.get('overdue') === 'true' ? DUE.filter((item) => item.overdue) : DUE
      return json({ items, page: 1, size: 50, total: items.length })
    })
    render(
      <MemoryRouter>
        <DueReportsPage />
      </MemoryRouter>,
    )

    const rows = await screen.findAllByTestId('due-row')
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['Health and well-being', '2019-2021', 'Second half of 2020', 'Jan 30, 2021', '1 day overdue'],
      ['Literacy', '2019-2021', 'First half of 2021', 'Jul 30, 2021', 'Due, not yet overdue'],
    ])
    expect(within(rows[0]).getByRole('link').getAttribute('href')).toBe('/clusters/6?term=1')
    fireEvent.click(screen.getByTestId('due-overdue-only'))
    await waitFor(() => expect(screen.getAllByTestId('due-row')).toHaveLength(1))
    expect(requestsTo(fetchMock, '/api/cluster-reports/due').at(-1)!.url).toContain('overdue=true')
  })

  it('tells anyone else that only the secretariat sees it, without asking the API', async () => {
    auth.state = authenticated('coordinator')
    const fetchMock = fakeApi(() => undefined)
    render(
      <MemoryRouter>
        <DueReportsPage />
      </MemoryRouter>,
    )
    expect((await screen.findByTestId('due-forbidden')).textContent).toBe('Only the secretariat sees the reports due.')
    expect(requestsTo(fetchMock, '/api/cluster-reports/due')).toHaveLength(0)
  })
})
