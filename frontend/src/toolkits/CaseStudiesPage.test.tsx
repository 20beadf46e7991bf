import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { CaseStudiesPage } from './CaseStudiesPage'
import { authenticated } from './testData'

// The first render loads the page's modules; on a busy shared machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 20_000 })

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

const summary = (id: number, status: string) => ({
  id,
  status,
  name: `Fiche ${id}`,
  memberId: 40,
  memberName: 'Liège',
  originalLanguage: 'en',
  languages: ['en'],
  fallbackFields: [],
  topics: [],
  publishedAt: status === 'PUBLISHED' ? '2026-11-03T09:00:00Z' : null,
})

function listApi(cities: unknown[] = []) {
  return fakeApi((_request, url) => {
    if (url.pathname === '/api/me/cities') return json({ items: cities, page: 1, size: 20, total: cities.length })
    if (url.pathname === '/api/case-studies') {
      const status = url.searchParams.get('status')
      const items = [summary(9, 'PUBLISHED'), summary(10, 'DRAFT')].filter((item) => !status || item.status === status)
      return json({ items, page: 1, size: 20, total: items.length })
    }
  })
}

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/case-studies']}>
      <Routes>
        <Route path="/case-studies" element={<CaseStudiesPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

describe('CaseStudiesPage', () => {
  it('lists the fiches the API gives with their state; a visitor gets neither a New button nor a state filter', async () => {
    listApi()
    renderPage()
    const rows = await screen.findAllByTestId('case-study-row')
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['Fiche 9', 'Liège', 'Published', 'Nov 3, 2026'],
      ['Fiche 10', 'Liège', 'Draft', ''],
    ])
    expect(within(rows[0]).getByRole('link').getAttribute('href')).toBe('/case-studies/9')
    expect(screen.queryByTestId('case-study-new')).toBeNull()
    expect(screen.queryByTestId('case-study-status-filter')).toBeNull()
  })

  it('offers a focal point with a city to draft a fiche', async () => {
    auth.state = authenticated('focal-point')
    listApi([{ id: 40, name: 'Liège', country: { iso2: 'BE', name: 'Belgium' }, yearJoined: 2015, status: 'MEMBER', topics: [] }])
    renderPage()
    expect((await screen.findByTestId('case-study-new')).getAttribute('href')).toBe('/case-studies/new')
    // The database categories are the secretariat's.
    expect(screen.queryByTestId('case-study-categories')).toBeNull()
  })

  it('lets the secretariat filter by state', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = listApi()
    renderPage()
    fireEvent.change(await screen.findByTestId('case-study-status-filter'), { target: { value: 'DRAFT' } })
    expect(screen.getByTestId('category-form')).toBeTruthy()
    await waitFor(() => expect(screen.getAllByTestId('case-study-row').map((row) => row.getAttribute('data-status'))).toEqual(['DRAFT']))
    expect(new URL(requestsTo(fetchMock, '/api/case-studies').at(-1)!.url).searchParams.get('status')).toBe('DRAFT')
  })
})
