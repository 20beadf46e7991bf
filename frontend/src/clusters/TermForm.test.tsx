import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { ClustersPage } from './ClustersPage'
import { authenticated, clusterReads, LATER_TERM, list, TERM } from './testData'

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

function Search() {
  return <output data-testid="search">{useLocation().search}</output>
}

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/clusters']}>
      <Routes>
        <Route
          path="/clusters"
          element={
            <>
              <ClustersPage />
              <Search />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
  )
}

describe('the new-term form on the clusters page', () => {
  it('is not offered to a visitor or a coordinator', async () => {
    fakeApi((_request, url) => clusterReads(url))
    renderPage()
    await screen.findByTestId('clusters-table')
    expect(screen.queryByTestId('term-new')).toBeNull()
    expect(screen.queryByTestId('cluster-new-link')).toBeNull()
    cleanup()
    auth.state = authenticated('coordinator')
    renderPage()
    await screen.findByTestId('clusters-table')
    expect(screen.queryByTestId('term-new')).toBeNull()
  })

  it('sends the code and both days, then shows the new term', async () => {
    auth.state = authenticated('secretariat')
    let created = false
    const fetchMock = fakeApi((request, url) => {
      if (request.method === 'POST' && url.pathname === '/api/cluster-terms') {
        created = true
        return json(LATER_TERM, 201)
      }
      if (url.pathname === '/api/cluster-terms') return list(created ? [LATER_TERM, TERM] : [TERM])
      return clusterReads(url)
    })
    renderPage()

    fireEvent.click(await screen.findByTestId('term-new'))
    fireEvent.change(screen.getByTestId('term-code'), { target: { value: ' 2021-2023 ' } })
    fireEvent.change(screen.getByTestId('term-startsOn'), { target: { value: '2021-09-01' } })
    fireEvent.change(screen.getByTestId('term-endsOn'), { target: { value: '2023-08-31' } })
    fireEvent.click(screen.getByTestId('term-save'))

    await waitFor(() => expect(screen.queryByTestId('term-form')).toBeNull())
    const post = requestsTo(fetchMock, '/api/cluster-terms').find((request) => request.method === 'POST')!
    expect(await post.json()).toEqual({ code: '2021-2023', startsOn: '2021-09-01', endsOn: '2023-08-31' })
    // The page switches to the new term, read again from the API.
    await waitFor(() => expect(screen.getByTestId('search').textContent).toBe('?term=2'))
    await waitFor(() => expect((screen.getByTestId('cluster-term') as HTMLSelectElement).value).toBe('2'))
  })

  it("shows a refusal readably, with the API's field errors next to their fields", async () => {
    auth.state = authenticated('secretariat')
    fakeApi((request, url) => {
      if (request.method === 'POST' && url.pathname === '/api/cluster-terms') {
        return json(
          {
            type: 'https://learning-cities.example.org/problems/validation',
            title: 'Validation failed',
            status: 422,
            detail: 'The term is not valid.',
            errors: [{ field: 'endsOn', message: 'must be after startsOn' }],
          },
          422,
        )
      }
      return clusterReads(url)
    })
    renderPage()

    fireEvent.click(await screen.findByTestId('term-new'))
    fireEvent.change(screen.getByTestId('term-code'), { target: { value: '2021-2023' } })
    fireEvent.change(screen.getByTestId('term-startsOn'), { target: { value: '2023-09-01' } })
    fireEvent.change(screen.getByTestId('term-endsOn'), { target: { value: '2021-08-31' } })
    fireEvent.click(screen.getByTestId('term-save'))

    expect((await screen.findByTestId('error-endsOn')).textContent).toBe('must be after startsOn')
    expect(screen.getByTestId('term-endsOn').getAttribute('aria-invalid')).toBe('true')
    expect(within(screen.getByTestId('term-form')).getByTestId('problem').textContent).toContain('Validation failed The term is not valid.')
    expect((screen.getByTestId('term-code') as HTMLInputElement).value).toBe('2021-2023')
  })
})
