import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo, type Handler } from '../test/fakeApi'
import { ClusterPage } from './ClusterPage'
import { termYears } from './MemberProgressSection'
import { authenticated, clusterReads, memberSummary, TERM } from './testData'

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

const progress = (memberId: number, changes: Partial<Schemas['ClusterMemberProgress']> = {}): Schemas['ClusterMemberProgress'] => ({
  clusterId: 6,
  termId: 1,
  memberId,
  yearly: [],
  outcomes: (['POLICY_STRATEGY', 'INITIATIVES', 'MONITORING'] as const).map((kind) => ({ kind, status: 'NOT_STARTED', evidenceUrl: null, updatedAt: null })),
  ...changes,
})

/** The page's reads, each city's progress as recorded so far; `write` answers PUTs. */
function reads(write: Handler, myCities = [memberSummary(11, 'Cork')]): Handler {
  return (request, url) => {
    if (request.method !== 'GET') return write(request, url)
    const match = url.pathname.match(/^\/api\/clusters\/6\/terms\/1\/members\/(\d+)\/progress$/)
    if (match) return json(progress(Number(match[1]), { yearly: [{ year: 2020, text: 'Two workshops.', recordedBy: 'cora', recordedAt: '2020-12-01T10:00:00Z' }] }))
    return clusterReads(url, { myCities })
  }
}

describe('termYears', () => {
  it('lists the calendar years the term touches', () => {
    expect(termYears(TERM)).toEqual([2019, 2020, 2021])
  })
})

describe("members' progress and expected outcomes on the cluster page", () => {
  it('is not shown to a visitor', async () => {
    const fetchMock = fakeApi(reads(() => undefined, []))
    renderPage()
    await screen.findAllByTestId('activity-row')
    expect(screen.queryByTestId('member-progress')).toBeNull()
    expect(fetchMock.mock.calls.some(([request]) => new URL(request.url).pathname.endsWith('/progress'))).toBe(false)
  })

  it("lets a plain member's focal point write for their own city only", async () => {
    auth.state = authenticated('focal-point')
    fakeApi(reads(() => undefined, [memberSummary(13, 'Nairobi')]))
    renderPage()
    const city = (await screen.findByTestId('progress-city')) as HTMLSelectElement
    expect([...city.options].map((option) => option.textContent)).toEqual(['Nairobi (KE)'])
  })

  it("records a city's yearly progress for the chosen year, its earlier text shown first", async () => {
    auth.state = authenticated('coordinator')
    const fetchMock = fakeApi(
      reads((_request, url) =>
        url.pathname === '/api/clusters/6/terms/1/members/13/progress/2020'
          ? json(progress(13, { yearly: [{ year: 2020, text: 'Two workshops and a festival.', recordedBy: 'cora', recordedAt: '2021-01-05T10:00:00Z' }] }))
          : undefined,
      ),
    )
    renderPage()

    // The coordinator of the cluster writes for every city of it.
    const city = (await screen.findByTestId('progress-city')) as HTMLSelectElement
    expect([...city.options].map((option) => option.value)).toEqual(['11', '12', '13'])
    fireEvent.change(city, { target: { value: '13' } })
    await waitFor(() => expect(requestsTo(fetchMock, '/api/clusters/6/terms/1/members/13/progress')).toHaveLength(1))
    const form = await screen.findByTestId('progress-form')
    fireEvent.change(within(form).getByTestId('progress-year'), { target: { value: '2020' } })
    await waitFor(() => expect((within(form).getByTestId('progress-text') as HTMLTextAreaElement).value).toBe('Two workshops.'))
    fireEvent.change(within(form).getByTestId('progress-text'), { target: { value: ' Two workshops and a festival. ' } })
    fireEvent.click(within(form).getByTestId('progress-save'))

    await screen.findByTestId('progress-saved')
    const put = requestsTo(fetchMock, '/api/clusters/6/terms/1/members/13/progress/2020')[0]
    expect(put.method).toBe('PUT')
    expect(await put.json()).toEqual({ text: 'Two workshops and a festival.' })
    expect(within(screen.getByTestId('progress-yearly')).getByText(/Two workshops and a festival\./)).toBeTruthy()
  })

  it('sets an expected outcome with its evidence link, and shows a refused link next to its field', async () => {
    auth.state = authenticated('secretariat')
    let calls = 0
    const fetchMock = fakeApi(
      reads((_request, url) => {
        if (url.pathname !== '/api/clusters/6/terms/1/members/11/outcomes/INITIATIVES') return undefined
        calls++
        if (calls === 1) {
          return json(
            { type: 'https://learning-cities.example.org/problems/validation', title: 'Validation failed', status: 422, errors: [{ field: 'evidenceUrl', message: 'must be an http or https address' }] },
            422,
          )
        }
        const saved = progress(11)
        saved.outcomes[1] = { kind: 'INITIATIVES', status: 'ACHIEVED', evidenceUrl: 'https://cork.example.org/plan', updatedAt: '2021-03-01T09:00:00Z' }
        return json(saved)
      }, []),
    )
    renderPage()

    const initiatives = (await screen.findAllByTestId('outcome-form')).find((form) => form.getAttribute('data-kind') === 'INITIATIVES')!
    expect(within(initiatives).getByRole('heading').textContent).toBe('Initiatives designed or reinforced')
    fireEvent.change(within(initiatives).getByTestId('outcome-status'), { target: { value: 'ACHIEVED' } })
    fireEvent.change(within(initiatives).getByTestId('outcome-evidence'), { target: { value: 'ftp://cork.example.org/plan' } })
    fireEvent.click(within(initiatives).getByTestId('outcome-save'))
    expect((await within(initiatives).findByTestId('error-evidenceUrl')).textContent).toBe('must be an http or https address')

    fireEvent.change(within(initiatives).getByTestId('outcome-evidence'), { target: { value: 'https://cork.example.org/plan' } })
    fireEvent.click(within(initiatives).getByTestId('outcome-save'))
    const saved = await waitFor(() => {
      const form = screen.getAllByTestId('outcome-form').find((item) => item.getAttribute('data-kind') === 'INITIATIVES')!
      within(form).getByTestId('outcome-updated')
      return form
    })
    expect((within(saved).getByTestId('outcome-status') as HTMLSelectElement).value).toBe('ACHIEVED')
    const puts = requestsTo(fetchMock, '/api/clusters/6/terms/1/members/11/outcomes/INITIATIVES')
    expect(await puts[1].json()).toEqual({ status: 'ACHIEVED', evidenceUrl: 'https://cork.example.org/plan' })
  })
})
