import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { ClusterPage } from './ClusterPage'
import { dayInTerm } from './clustersApi'
import { authenticated, BALANCE, clusterReads, EMPTY_PLAN, memberSummary, TEMPLATE_PLAN, TERM } from './testData'

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

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/clusters/6?term=1']}>
      <Routes>
        <Route path="/clusters/:id" element={<ClusterPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

const THREE_CLUSTERS = {
  type: 'https://learning-cities.example.org/problems/three-clusters',
  title: 'A city is in at most three clusters at a time',
  status: 409,
  detail: 'Kisumu is already in 3 clusters whose terms overlap 2019-2021 (Entrepreneurship, Literacy, Equity and inclusion); it must leave one before joining another.',
}

describe('ClusterPage for a visitor', () => {
  it('shows the work plan by work area with the exact sums, formatted', async () => {
    fakeApi((_request, url) => clusterReads(url))
    renderPage()

    expect((await screen.findByTestId('work-plan-total')).textContent).toBe('$350,000')
    expect(screen.getByTestId('work-area-sum-1').textContent).toBe('$160,000')
    expect(screen.getByTestId('work-area-sum-2').textContent).toBe('$100,000')
    expect(screen.getByTestId('work-area-sum-3').textContent).toBe('$70,000')
    expect(screen.getByTestId('work-area-sum-4').textContent).toBe('$20,000')
    // Grouped: the four activities of work area 1 sit under its heading, with its name.
    const area1 = screen.getByTestId('work-area-1')
    expect(within(area1).getAllByTestId('activity-row').map((row) => row.getAttribute('data-code'))).toEqual(['1.1', '1.2', '1.3', '1.4'])
    await within(area1).findByText('1. Policy and practice exchange')
    expect(within(screen.getByTestId('work-area-2')).getAllByTestId('activity-row')).toHaveLength(2)
    // Coordinators and members, and the regional balance.
    expect(within(screen.getByTestId('coordinator-list')).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Cork (IE)'),
      expect.stringContaining('Osan (KR)'),
    ])
    expect(within(screen.getByTestId('member-list')).getByText('Nairobi')).toBeTruthy()
    expect(screen.getByTestId('balance-members').textContent).toBe('3')
    expect(screen.queryByTestId('same-region-flag')).toBeNull()
    // Reports newest first, with their news items.
    const reports = await screen.findAllByTestId('cluster-report')
    expect(reports.map((report) => report.querySelector('h3')?.textContent)).toEqual([
      'First half of 2020 (Jan 1, 2020 – Jun 30, 2020)',
      'Second half of 2019 (Jul 1, 2019 – Dec 31, 2019)',
    ])
    expect(within(reports[0]).getByTestId('cluster-news').textContent).toContain('Cork hosts a webinar')
    expect(within(reports[1]).queryByTestId('cluster-news')).toBeNull()
    // Nothing to change for a visitor.
    expect(screen.queryByTestId('activity-add')).toBeNull()
    expect(screen.queryByTestId('activity-edit')).toBeNull()
    expect(screen.queryByTestId('activity-status-select')).toBeNull()
    expect(screen.queryByTestId('my-city-membership')).toBeNull()
    expect(screen.queryByTestId('appoint-link')).toBeNull()
  })

  it('formats the sums and names in French', async () => {
    await chooseLanguage('fr')
    fakeApi((_request, url) => clusterReads(url))
    renderPage()

    const total = await screen.findByTestId('work-plan-total')
    // French groups thousands with a narrow no-break space.
    expect(total.textContent?.replace(/\s/g, ' ')).toBe('350 000 $US')
    expect(screen.getByTestId('cluster-name').textContent).toBe('Santé et bien-être')
  })

  it('flags coordinators from the same region', async () => {
    fakeApi((_request, url) => clusterReads(url, { balance: { ...BALANCE, sameRegionCoordinators: true } }))
    renderPage()
    expect((await screen.findByTestId('same-region-flag')).textContent).toBe('Both coordinators come from the same UNESCO region.')
  })
})

describe('ClusterPage for a focal point', () => {
  it('joins for their own city and shows the three-clusters refusal as a readable message', async () => {
    auth.state = authenticated('focal-point')
    const fetchMock = fakeApi((request, url) => {
      if (request.method === 'POST' && url.pathname === '/api/clusters/6/terms/1/members') return json(THREE_CLUSTERS, 409)
      return clusterReads(url, { myCities: [memberSummary(20, 'Kisumu')] })
    })
    renderPage()

    const mine = await screen.findByTestId('my-city')
    expect(within(mine).getByTestId('my-city-state').textContent).toBe('is not a member of this cluster in this term.')
    fireEvent.click(within(mine).getByRole('button', { name: 'Join for Kisumu' }))

    const problem = await within(mine).findByTestId('cluster-rule-problem')
    expect(problem.getAttribute('data-rule')).toBe('three-clusters')
    expect(problem.textContent).toBe(
      'A city can be in at most three clusters at a time: leave one before joining another. ' + THREE_CLUSTERS.detail,
    )
    const body = await requestsTo(fetchMock, '/api/clusters/6/terms/1/members').find((r) => r.method === 'POST')!.json()
    // The term is over, so the city joins on the term's last day, not today.
    expect(body).toEqual({ memberId: 20, joinedOn: dayInTerm(TERM) })
    expect(body.joinedOn <= TERM.endsOn).toBe(true)
    // A focal point does not manage the work plan.
    expect(screen.queryByTestId('activity-status-select')).toBeNull()
  })

  it('leaves for their own city, dated, and reads the members again', async () => {
    auth.state = authenticated('focal-point')
    let left = false
    const fetchMock = fakeApi(async (request, url) => {
      if (request.method === 'POST' && url.pathname === '/api/clusters/6/terms/1/members/13/leave') {
        left = true
        return json({})
      }
      // Reading the members again takes a moment, as over a network: the page shows it loading.
      if (left && url.pathname === '/api/clusters/6/terms/1/members') await new Promise((resolve) => setTimeout(resolve, 50))
      return clusterReads(url, { myCities: [memberSummary(13, 'Nairobi')] })
    })
    renderPage()

    const mine = await screen.findByTestId('my-city')
    await waitFor(() => expect(within(mine).getByTestId('my-city-state').textContent).toBe('is a member since Oct 1, 2019.'))
    fireEvent.change(within(mine).getByTestId('my-city-day'), { target: { value: '2020-06-30' } })
    fireEvent.click(within(mine).getByRole('button', { name: 'Leave for Nairobi' }))

    expect((await within(mine).findByTestId('my-city-done')).textContent).toBe('Nairobi has left the cluster.')
    const leave = requestsTo(fetchMock, '/api/clusters/6/terms/1/members/13/leave')[0]
    expect(await leave.json()).toEqual({ leftOn: '2020-06-30' })
    await waitFor(() => expect(requestsTo(fetchMock, '/api/clusters/6/terms/1/members').length).toBe(2))
    // The reload keeps the city's panel: the notice is still there once the members are read again.
    await waitFor(() => expect(screen.getByTestId('balance-members')).toBeTruthy())
    expect(screen.getByTestId('my-city-done').textContent).toBe('Nairobi has left the cluster.')
  })

  it('says a coordinating city coordinates, with no leave button', async () => {
    auth.state = authenticated('focal-point')
    fakeApi((_request, url) => clusterReads(url, { myCities: [memberSummary(11, 'Cork')] }))
    renderPage()
    const mine = await screen.findByTestId('my-city')
    await waitFor(() => expect(within(mine).getByTestId('my-city-state').textContent).toBe('coordinates this cluster in this term.'))
    expect(within(mine).queryByRole('button')).toBeNull()
    // Cork coordinates, but its focal point has no coordinator role: no plan editing.
    expect(screen.queryByTestId('activity-add')).toBeNull()
  })
})

describe('ClusterPage for a coordinator', () => {
  it('starts the plan from the template and then shows 350,000', async () => {
    auth.state = authenticated('coordinator')
    let started = false
    const fetchMock = fakeApi((request, url) => {
      if (request.method === 'POST' && url.pathname === '/api/clusters/6/terms/1/work-plan/from-template') {
        started = true
        return json(TEMPLATE_PLAN, 201, { ETag: '"10"' })
      }
      return clusterReads(url, { plan: started ? TEMPLATE_PLAN : EMPTY_PLAN, myCities: [memberSummary(11, 'Cork')] })
    })
    renderPage()

    fireEvent.click(await screen.findByTestId('work-plan-from-template'))
    expect((await screen.findByTestId('work-plan-total')).textContent).toBe('$350,000')
    expect(requestsTo(fetchMock, '/api/clusters/6/terms/1/work-plan/from-template')).toHaveLength(1)
    expect(screen.queryByTestId('work-plan-from-template')).toBeNull()
  })

  it('does not offer editing to a coordinator of another cluster', async () => {
    auth.state = authenticated('coordinator')
    fakeApi((_request, url) => clusterReads(url, { plan: EMPTY_PLAN, myCities: [memberSummary(13, 'Nairobi')] }))
    renderPage()
    await screen.findByTestId('work-plan-empty')
    await screen.findByTestId('my-city')
    expect(screen.queryByTestId('work-plan-from-template')).toBeNull()
    expect(screen.queryByTestId('activity-add')).toBeNull()
  })

  it('changes an activity status with If-Match, and explains a stale version', async () => {
    auth.state = authenticated('coordinator')
    const fetchMock = fakeApi((request, url) => {
      if (request.method === 'PUT' && url.pathname === '/api/clusters/6/terms/1/work-plan/activities/101') {
        return json({ type: 'https://learning-cities.example.org/problems/stale-version', title: 'Precondition failed', status: 412 }, 412)
      }
      return clusterReads(url, { myCities: [memberSummary(11, 'Cork')] })
    })
    renderPage()

    const row = (await screen.findAllByTestId('activity-row'))[0]
    fireEvent.change(await within(row).findByTestId('activity-status-select'), { target: { value: 'DONE' } })

    expect((await screen.findByTestId('stale-version')).textContent).toContain('Someone else changed this record')
    const put = requestsTo(fetchMock, '/api/clusters/6/terms/1/work-plan/activities/101')[0]
    expect(put.headers.get('If-Match')).toBe('"1"')
    const body = await put.json()
    expect(body).toMatchObject({ code: '1.1', workArea: 1, status: 'DONE', estimatedCostUsd: '50000.00', responsibleKind: 'COORDINATING_CITY' })
    expect(body).not.toHaveProperty('id')
    expect(body).not.toHaveProperty('version')
  })

  it('adds an activity with the cost as an exact decimal string, and shows field errors next to the fields', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = fakeApi((request, url) => {
      if (request.method === 'POST' && url.pathname === '/api/clusters/6/terms/1/work-plan/activities') {
        return json(
          { type: 'https://learning-cities.example.org/problems/validation', title: 'Validation failed', status: 422, errors: [{ field: 'title', message: 'must not be blank' }] },
          422,
        )
      }
      return clusterReads(url)
    })
    renderPage()

    fireEvent.click(await screen.findByTestId('activity-add'))
    fireEvent.change(screen.getByTestId('activity-code'), { target: { value: '2.2' } })
    fireEvent.change(screen.getByTestId('activity-workArea'), { target: { value: '2' } })
    fireEvent.change(screen.getByTestId('activity-cost'), { target: { value: '12,500.50' } })
    fireEvent.click(screen.getByTestId('activity-save'))

    expect((await screen.findByTestId('error-title')).textContent).toBe('must not be blank')
    const body = await requestsTo(fetchMock, '/api/clusters/6/terms/1/work-plan/activities')[0].json()
    expect(body).toMatchObject({ code: '2.2', workArea: 2, title: '', estimatedCostUsd: '12500.50', status: 'PLANNED', outputs: [] })
    // The secretariat also gets the way to the appointment screen.
    expect(screen.getByTestId('appoint-link').getAttribute('href')).toBe('/clusters/6/coordinators?term=1')
  })

  it('edits an activity with If-Match and reloads the plan after saving', async () => {
    auth.state = authenticated('coordinator')
    const fetchMock = fakeApi((request, url) => {
      if (request.method === 'PUT' && url.pathname === '/api/clusters/6/terms/1/work-plan/activities/109') {
        return json({ ...TEMPLATE_PLAN.activities[8], title: 'Newsletter items', version: 2 }, 200, { ETag: '"2"' })
      }
      return clusterReads(url, { myCities: [memberSummary(12, 'Osan')] })
    })
    renderPage()

    const area4 = await screen.findByTestId('work-area-4')
    fireEvent.click(await within(area4).findByTestId('activity-edit'))
    fireEvent.change(screen.getByTestId('activity-title'), { target: { value: 'Newsletter items' } })
    fireEvent.click(screen.getByTestId('activity-save'))

    await waitFor(() => expect(screen.queryByTestId('activity-form')).toBeNull())
    const put = requestsTo(fetchMock, '/api/clusters/6/terms/1/work-plan/activities/109')[0]
    expect(put.headers.get('If-Match')).toBe('"1"')
    expect(await put.json()).toMatchObject({ code: '4.1', title: 'Newsletter items', estimatedCostUsd: '20000.00', workArea: 4 })
    await waitFor(() => expect(requestsTo(fetchMock, '/api/clusters/6/terms/1/work-plan').length).toBe(2))
  })
})
