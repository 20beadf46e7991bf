import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { authenticated, list, memberSummary, TERM } from '../clusters/testData'
import { chooseLanguage } from '../i18n'
import { fakeApi, requestsTo, type Handler } from '../test/fakeApi'
import { SurveysPage } from './SurveysPage'
import { CLOSED_SURVEY, OPEN_SURVEY } from './testData'

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

const reads =
  (cities = [memberSummary(11, 'Cork')]): Handler =>
  (_request, url) => {
    switch (url.pathname) {
      case '/api/cluster-terms':
        return list([TERM])
      case '/api/surveys':
        return list([OPEN_SURVEY, CLOSED_SURVEY])
      case '/api/me/cities':
        return list(cities)
    }
    return undefined
  }

function renderPage() {
  return render(
    <MemoryRouter>
      <SurveysPage />
    </MemoryRouter>,
  )
}

describe('SurveysPage', () => {
  it("lists the term's surveys with their results; a focal point may answer the open one only", async () => {
    auth.state = authenticated('focal-point')
    const fetchMock = fakeApi(reads())
    renderPage()

    const rows = await screen.findAllByTestId('survey-row')
    expect(rows.map((row) => within(row).getByTestId('survey-status').textContent)).toEqual(['Open', 'Closed'])
    expect(within(rows[0]).getByTestId('survey-results-link').getAttribute('href')).toBe('/surveys/4/results')
    await waitFor(() => expect(within(rows[0]).getByTestId('survey-answer-link').getAttribute('href')).toBe('/surveys/4/answer'))
    expect(within(rows[1]).queryByTestId('survey-answer-link')).toBeNull()
    expect(new URL(requestsTo(fetchMock, '/api/surveys')[0].url).searchParams.get('termId')).toBe('1')
  })

  it('offers a visitor the results only', async () => {
    fakeApi(reads([]))
    renderPage()
    const rows = await screen.findAllByTestId('survey-row')
    expect(within(rows[0]).getByTestId('survey-results-link')).toBeTruthy()
    expect(screen.queryByTestId('survey-answer-link')).toBeNull()
  })
})
