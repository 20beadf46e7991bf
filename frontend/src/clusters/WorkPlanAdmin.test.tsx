import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo, type Handler } from '../test/fakeApi'
import { ClusterPage } from './ClusterPage'
import { authenticated, clusterReads, EMPTY_PLAN, memberSummary, TEMPLATE_PLAN } from './testData'

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

/** Cork's coordinator reads the cluster; `write` answers anything but a GET. */
const coordinator = (write: Handler, plan = TEMPLATE_PLAN): Handler => (request, url) =>
  request.method === 'GET' ? clusterReads(url, { plan, myCities: [memberSummary(11, 'Cork')] }) : write(request, url)

describe('the work plan for its managers', () => {
  it('offers neither objectives nor removal to a visitor, nor the cluster edit link', async () => {
    fakeApi((_request, url) => clusterReads(url))
    renderPage()
    await screen.findAllByTestId('activity-row')
    expect(screen.queryByTestId('objectives-edit')).toBeNull()
    expect(screen.queryByTestId('activity-delete')).toBeNull()
    expect(screen.queryByTestId('cluster-edit-link')).toBeNull()
  })

  it('offers the secretariat the cluster edit link', async () => {
    auth.state = authenticated('secretariat')
    fakeApi((_request, url) => clusterReads(url))
    renderPage()
    expect((await screen.findByTestId('cluster-edit-link')).getAttribute('href')).toBe('/clusters/6/edit')
  })

  it('writes the objectives and goals per language with If-Match "0" on a plan not started', async () => {
    auth.state = authenticated('coordinator')
    let saved = false
    const withObjectives = { ...EMPTY_PLAN, objectives: { en: 'Ten cities adopt an ageing strategy.', fr: null, es: 'Diez ciudades.' }, version: 1 }
    const fetchMock = fakeApi((request, url) => {
      if (request.method === 'PUT' && url.pathname === '/api/clusters/6/terms/1/work-plan') {
        saved = true
        return json(withObjectives, 200, { ETag: '"1"' })
      }
      return clusterReads(url, { plan: saved ? withObjectives : EMPTY_PLAN, myCities: [memberSummary(11, 'Cork')] })
    })
    renderPage()

    fireEvent.click(await screen.findByTestId('objectives-edit'))
    const form = screen.getByTestId('objectives-form')
    fireEvent.change(within(form).getByTestId('objectives-en'), { target: { value: 'Ten cities adopt an ageing strategy.' } })
    fireEvent.change(within(form).getByTestId('objectives-es'), { target: { value: 'Diez ciudades.' } })
    fireEvent.click(within(form).getByTestId('objectives-save'))

    expect((await screen.findByTestId('work-plan-objectives')).textContent).toBe('Ten cities adopt an ageing strategy.')
    expect(screen.queryByTestId('objectives-form')).toBeNull()
    const put = requestsTo(fetchMock, '/api/clusters/6/terms/1/work-plan').find((request) => request.method === 'PUT')!
    expect(put.headers.get('If-Match')).toBe('"0"')
    expect(await put.json()).toEqual({ objectives: { en: 'Ten cities adopt an ageing strategy.', fr: null, es: 'Diez ciudades.' } })
  })

  it('explains a stale plan (412) when saving the objectives', async () => {
    auth.state = authenticated('secretariat')
    fakeApi(coordinator(() => json({ type: 'https://learning-cities.example.org/problems/stale-version', title: 'Precondition failed', status: 412 }, 412)))
    renderPage()

    fireEvent.click(await screen.findByTestId('objectives-edit'))
    fireEvent.click(screen.getByTestId('objectives-save'))
    expect((await within(screen.getByTestId('objectives-form')).findByTestId('stale-version')).textContent).toContain('Someone else changed this record')
  })

  it('removes an activity after confirmation only, then reads the plan again', async () => {
    auth.state = authenticated('coordinator')
    const fetchMock = fakeApi(coordinator((request, url) => (request.method === 'DELETE' && url.pathname.endsWith('/activities/104') ? new Response(null, { status: 204 }) : undefined)))
    const confirm = vi.fn(() => false)
    vi.stubGlobal('confirm', confirm)
    renderPage()

    const row = (await screen.findAllByTestId('activity-row')).find((item) => item.getAttribute('data-code') === '1.4')!
    fireEvent.click(within(row).getByTestId('activity-delete'))
    expect(confirm).toHaveBeenCalledWith('Remove activity 1.4 (Activity 1.4) from the work plan? This cannot be undone.')
    expect(requestsTo(fetchMock, '/api/clusters/6/terms/1/work-plan/activities/104')).toHaveLength(0)

    confirm.mockReturnValue(true)
    fireEvent.click(within(row).getByTestId('activity-delete'))
    await waitFor(() => expect(requestsTo(fetchMock, '/api/clusters/6/terms/1/work-plan').length).toBe(2))
    const deletes = requestsTo(fetchMock, '/api/clusters/6/terms/1/work-plan/activities/104')
    expect(deletes.map((request) => request.method)).toEqual(['DELETE'])
  })

  it('shows a refused removal readably', async () => {
    auth.state = authenticated('coordinator')
    fakeApi(coordinator(() => json({ type: 'https://learning-cities.example.org/problems/forbidden', title: 'Forbidden', status: 403, detail: 'Only the coordinators of this cluster manage its work plan.' }, 403)))
    vi.stubGlobal('confirm', () => true)
    renderPage()

    fireEvent.click((await screen.findAllByTestId('activity-delete'))[0])
    expect((await within(screen.getByTestId('work-plan')).findByTestId('problem')).textContent).toBe('Forbidden Only the coordinators of this cluster manage its work plan.')
  })
})
