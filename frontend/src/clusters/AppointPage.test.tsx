import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { AppointPage } from './AppointPage'
import { authenticated, clusterReads, list, memberSummary } from './testData'

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
    <MemoryRouter initialEntries={['/clusters/6/coordinators?term=1']}>
      <Routes>
        <Route path="/clusters/:id/coordinators" element={<AppointPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

const problem = (rule: string, title: string, detail: string) => json({ type: `https://learning-cities.example.org/problems/${rule}`, title, status: 409, detail }, 409)

/** The secretariat's page, with the appointment answered by `appointAnswer`. */
function appointApi(appointAnswer: () => Response) {
  return fakeApi((request, url) => {
    if (url.pathname === '/api/members') return list([memberSummary(30, 'Goyang')])
    if (request.method === 'POST' && url.pathname === '/api/clusters/6/terms/1/coordinators') return appointAnswer()
    if (request.method === 'DELETE' && url.pathname === '/api/clusters/6/terms/1/coordinators/12') return new Response(null, { status: 204 })
    if (url.pathname === '/api/clusters/6/terms/1/candidates') return list(CANDIDATES)
    return clusterReads(url)
  })
}

const questionnaire = { hostExpertsMeeting: false, hostExchangeActivities: true, capacityBuildingWorkshop: false, researchCaseStudies: false, financialContribution: false, other: null }
const candidate = (memberId: number, name: string, region: string, coordinatesElsewhere: string | null) => ({
  memberId, name, country: 'Kenya', region, surveyId: 3, namedThisCluster: true, primaryTopics: [1], coordinateTopics: [1],
  coordinateClusterIds: [6], questionnaire, coordinatesElsewhere,
})
/** Two cities willing to coordinate: one free, one already coordinating elsewhere. */
const CANDIDATES = [candidate(41, 'Nairobi', 'AFRICA', null), candidate(42, 'Mombasa', 'AFRICA', 'Literacy')]

async function appointGoyang() {
  fireEvent.change(await screen.findByTestId('appoint-q'), { target: { value: 'goyang' } })
  fireEvent.click(screen.getByTestId('appoint-search'))
  const result = await screen.findByTestId('appoint-result')
  fireEvent.click(within(result).getByTestId('coordinator-appoint'))
}

describe('AppointPage', () => {
  it('lists the survey candidates with their region and appoints one; a city coordinating elsewhere cannot be picked', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = appointApi(() => json({ memberId: 41, name: 'Nairobi', country: 'KE', unescoRegion: 'AFRICA', coordinator: true, joinedOn: '2019-09-01', leftOn: null }, 201))
    renderPage()

    const rows = await screen.findAllByTestId('candidate')
    expect(rows.map((row) => row.getAttribute('data-city'))).toEqual(['Nairobi', 'Mombasa'])
    await waitFor(() => expect(rows[0].textContent).toContain('Africa'))
    expect(within(rows[1]).queryByTestId('candidate-appoint')).toBeNull()
    expect(rows[1].textContent).toContain('already coordinates Literacy')
    fireEvent.click(within(rows[0]).getByTestId('candidate-appoint'))
    await waitFor(() => expect(requestsTo(fetchMock, '/api/clusters/6/terms/1/coordinators').filter((r) => r.method === 'POST')).toHaveLength(1))
    expect(await requestsTo(fetchMock, '/api/clusters/6/terms/1/coordinators').find((r) => r.method === 'POST')!.json()).toEqual({ memberId: 41 })
  })

  it('shows the two-coordinators refusal readably', async () => {
    auth.state = authenticated('secretariat')
    const detail = 'Health and well-being already has 2 coordinators in 2019-2021 (Cork, Osan).'
    const fetchMock = appointApi(() => problem('two-coordinators', 'Two coordinators per cluster', detail))
    renderPage()

    await waitFor(() => expect(screen.getAllByTestId('appointed').map((item) => item.getAttribute('data-city'))).toEqual(['Cork', 'Osan']))
    await appointGoyang()

    const message = await screen.findByTestId('cluster-rule-problem')
    expect(message.getAttribute('data-rule')).toBe('two-coordinators')
    expect(message.textContent).toBe(`A cluster has at most two coordinating cities per term: remove one before appointing another. ${detail}`)
    const search = new URL(requestsTo(fetchMock, '/api/members')[0].url).searchParams
    expect(search.get('q')).toBe('goyang')
    expect(await requestsTo(fetchMock, '/api/clusters/6/terms/1/coordinators').find((r) => r.method === 'POST')!.json()).toEqual({ memberId: 30 })
  })

  it('shows the one-coordination refusal in the UI language', async () => {
    await chooseLanguage('es')
    auth.state = authenticated('secretariat')
    const detail = 'Goyang already coordinates Literacy (2019-2021), whose term overlaps 2019-2021.'
    appointApi(() => problem('one-coordination', 'A city coordinates one cluster at a time', detail))
    renderPage()
    await appointGoyang()
    const message = await screen.findByTestId('cluster-rule-problem')
    expect(message.textContent).toBe(`Una ciudad coordina un solo grupo a la vez. ${detail}`)
  })

  it('appoints and removes, reading the coordinators again each time', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = appointApi(() => json({ memberId: 30, name: 'Goyang', country: 'KR', unescoRegion: 'ASIA_PACIFIC', coordinator: true, joinedOn: '2019-09-01', leftOn: null }, 201))
    renderPage()

    await appointGoyang()
    expect((await screen.findByTestId('appoint-notice')).textContent).toBe('Goyang is now a coordinator.')
    const osan = screen.getAllByTestId('appointed').find((item) => item.getAttribute('data-city') === 'Osan')!
    fireEvent.click(within(osan).getByTestId('coordinator-remove'))
    await waitFor(() => expect(screen.getByTestId('appoint-notice').textContent).toBe('Osan no longer coordinates this cluster (it stays a member).'))
    expect(requestsTo(fetchMock, '/api/clusters/6/terms/1/coordinators/12').map((r) => r.method)).toEqual(['DELETE'])
    expect(requestsTo(fetchMock, '/api/clusters/6/terms/1/coordinators').filter((r) => r.method === 'GET')).toHaveLength(3)
  })

  it('offers nothing to change to anyone but the secretariat', async () => {
    auth.state = authenticated('coordinator')
    fakeApi((_request, url) => clusterReads(url))
    renderPage()
    await screen.findByTestId('appoint-forbidden')
    expect(screen.queryByTestId('appoint-q')).toBeNull()
    expect(screen.queryByTestId('coordinator-remove')).toBeNull()
  })
})
