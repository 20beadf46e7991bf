import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { authenticated } from '../clusters/testData'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo, type Handler } from '../test/fakeApi'
import { SurveyResultsPage } from './SurveyResultsPage'
import { CLOSED_SURVEY, RESULTS } from './testData'

const auth = vi.hoisted(() => ({ state: { status: 'anonymous' } as AuthState }))
vi.mock('../auth/AuthProvider', () => ({
  useAuth: () => auth.state,
  useHasRole: (role: string) => auth.state.status === 'authenticated' && auth.state.user.roles.includes(role as never),
}))

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  auth.state = { status: 'anonymous' }
  await chooseLanguage('en')
})

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/surveys/3/results']}>
      <Routes>
        <Route path="/surveys/:id/results" element={<SurveyResultsPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

const GROUPS = {
  items: [
    { number: 1, name: 'Green and healthy learning cities', topics: [] },
    { number: 3, name: 'Decent work and entrepreneurship', topics: [] },
  ],
  page: 1,
  size: 4,
  total: 2,
}

function reads(results = RESULTS): Handler {
  return (request, url) => {
    switch (url.pathname) {
      case '/api/surveys/3':
        return json(CLOSED_SURVEY)
      case '/api/surveys/3/results':
        return request.headers.get('Accept') === 'text/csv'
          ? new Response('section,key,label,count\r\nsummary,respondents,Respondents,101\r\n', { headers: { 'Content-Type': 'text/csv' } })
          : json(results)
      case '/api/reference/topic-groups':
        return json(GROUPS)
    }
    return undefined
  }
}

/** The rows of a table as [header, ...cells] texts. */
function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''))
}

describe('SurveyResultsPage', () => {
  it("shows the API's figures: who answered, votes per topic and group, regions, volunteers and the questionnaire", async () => {
    fakeApi(reads())
    renderPage()

    expect((await screen.findByTestId('survey-respondents')).textContent).toBe('101')
    expect(screen.getByTestId('survey-countries').textContent).toBe('37')
    expect(screen.getByTestId('survey-regions-covered').textContent).toBe('5')
    expect(screen.getByTestId('survey-willing').textContent).toBe('9')
    // Each chart has a table with its figures (numbers in the UI language's format).
    expect(screen.getByTestId('survey-topics-chart').getAttribute('aria-label')).toContain('votes per topic')
    await waitFor(() =>
      expect(rows(screen.getByTestId('survey-topics-table'))).toEqual([
        ['Education for Sustainable Development (ESD)', '60', '4'],
        ['Digital learning', '1,234', '2'],
      ]),
    )
    await waitFor(() =>
      expect(rows(screen.getByTestId('survey-groups-table'))).toEqual([
        ['Green and healthy learning cities', '60', '60'],
        ['Decent work and entrepreneurship', '1,234', '41'],
      ]),
    )
    expect(screen.getByTestId('survey-groups-chart')).toBeTruthy()
    expect(screen.getByTestId('survey-regions-chart')).toBeTruthy()
    await waitFor(() => expect(rows(screen.getByTestId('survey-regions-table'))[0]).toEqual(['Africa', '12']))
    expect(rows(screen.getByTestId('survey-regions-table')).map((row) => row[1])).toEqual(['12', '7', '35', '32', '15'])
    expect(rows(screen.getByTestId('survey-clusters-table'))).toEqual([['Health and well-being', '3']])
    expect(rows(screen.getByTestId('survey-questionnaire-table'))).toEqual([
      ["Host a thematic experts' meeting", '44'],
      ['Host small-scale learning and exchange activities', '51'],
      ['A capacity-building workshop', '38'],
      ['Research and case studies of best practice', '47'],
      ['A financial contribution to the multi-donor fund', '8'],
      ['Other', '5'],
    ])
    // A visitor gets the results as CSV, not every city's answer.
    expect(screen.getByTestId('survey-results-csv')).toBeTruthy()
    expect(screen.queryByTestId('survey-answers-csv')).toBeNull()
  })

  it('formats the figures in French', async () => {
    await chooseLanguage('fr')
    fakeApi(reads())
    renderPage()
    const table = await screen.findByTestId('survey-topics-table')
    expect(rows(table)[1][1].replace(/\s/g, ' ')).toBe('1 234')
    expect(screen.getByTestId('survey-results-csv').textContent).toBe('Télécharger les résultats (CSV)')
  })

  it('says so when nobody has answered yet', async () => {
    fakeApi(reads({ ...RESULTS, respondents: 0, countries: 0, regionsCovered: 0 }))
    renderPage()
    expect((await screen.findByTestId('survey-no-answers')).textContent).toBe('No city has answered this survey yet.')
    expect(screen.queryByTestId('survey-topics-table')).toBeNull()
  })

  it('downloads the results as CSV (asked for with Accept: text/csv); the secretariat also gets the answers', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = fakeApi(reads())
    const saved: { name: string; text: Promise<string> }[] = []
    // jsdom has no object URLs: these keep what would be saved.
    URL.createObjectURL = (blob: Blob) => {
      saved.push({ name: '', text: blob.text() })
      return 'blob:results'
    }
    URL.revokeObjectURL = () => {}
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved[saved.length - 1].name = this.download
    })
    renderPage()

    expect(await screen.findByTestId('survey-answers-csv')).toBeTruthy()
    fireEvent.click(screen.getByTestId('survey-results-csv'))
    await waitFor(() => expect(saved[0]?.name).toBe('survey-3-results.csv'))
    expect(await saved[0].text).toBe('section,key,label,count\r\nsummary,respondents,Respondents,101\r\n')
    expect(requestsTo(fetchMock, '/api/surveys/3/results').some((request) => request.headers.get('Accept') === 'text/csv')).toBe(true)
  })

  it("shows the server's problem when the answers cannot be had", async () => {
    auth.state = authenticated('secretariat')
    fakeApi((request, url) =>
      url.pathname === '/api/surveys/3/answers' ? json({ type: 'about:blank', title: 'Forbidden', status: 403 }, 403) : reads()(request, url),
    )
    renderPage()
    fireEvent.click(await screen.findByTestId('survey-answers-csv'))
    expect((await screen.findByTestId('problem')).textContent).toBe('Forbidden')
  })
})
