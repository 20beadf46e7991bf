import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { authenticated, HEALTH, list, LITERACY, memberSummary } from '../clusters/testData'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo, type Handler } from '../test/fakeApi'
import { SurveyAnswerPage } from './SurveyAnswerPage'
import { CORK_ANSWER, OPEN_SURVEY } from './testData'

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
    <MemoryRouter initialEntries={['/surveys/4/answer']}>
      <Routes>
        <Route path="/surveys/:id/answer" element={<SurveyAnswerPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

const NOT_ANSWERED = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'City 11 has not answered survey 4.' }

/** The reads of the page: the survey, the caller's cities, the clusters, and the city's answer (`answer` null: none yet). */
function reads(options: { cities?: ReturnType<typeof memberSummary>[]; answer?: typeof CORK_ANSWER | null; put?: Handler } = {}): Handler {
  return (request, url) => {
    if (request.method === 'PUT' && options.put) return options.put(request, url)
    switch (url.pathname) {
      case '/api/surveys/4':
        return json(OPEN_SURVEY, 200, { ETag: '"1"' })
      case '/api/me/cities':
        return list(options.cities ?? [memberSummary(11, 'Cork')])
      case '/api/clusters':
        return list([HEALTH, LITERACY])
    }
    if (url.pathname.startsWith('/api/surveys/4/answers/')) {
      const answer = options.answer === undefined ? null : options.answer
      if (!answer || !url.pathname.endsWith(`/${answer.memberId}`)) return json(NOT_ANSWERED, 404)
      return json(answer, 200, { ETag: `"${answer.version}"` })
    }
    return undefined
  }
}

describe('SurveyAnswerPage', () => {
  it('asks a visitor to log in', async () => {
    fakeApi(reads())
    renderPage()
    expect((await screen.findByTestId('login-prompt')).textContent).toContain("Log in as your city's focal point to answer the survey.")
  })

  it("sends a first answer in the contract's shape (no If-Match) and says it is saved", async () => {
    auth.state = authenticated('focal-point')
    const fetchMock = fakeApi(
      reads({
        put: async (request) => {
          const body = await request.clone().json()
          return json({ ...CORK_ANSWER, ...body, version: 1 }, 201, { ETag: '"1"' })
        },
      }),
    )
    renderPage()

    expect((await screen.findByTestId('survey-answer-state')).textContent).toBe('Not answered yet.')
    fireEvent.click(await screen.findByTestId('primary-topic-1'))
    fireEvent.click(screen.getByTestId('primary-topic-10'))
    // What to coordinate is asked only of a willing city.
    expect(screen.queryByTestId('coordinate-topic-10')).toBeNull()
    fireEvent.click(screen.getByTestId('willing-to-coordinate'))
    fireEvent.click(screen.getByTestId('coordinate-topic-10'))
    fireEvent.click(await screen.findByTestId('coordinate-cluster-7'))
    fireEvent.click(screen.getByTestId('questionnaire-hostExchangeActivities'))
    fireEvent.click(screen.getByTestId('questionnaire-financialContribution'))
    fireEvent.change(screen.getByTestId('questionnaire-other'), { target: { value: '  Host a study visit  ' } })
    fireEvent.click(screen.getByTestId('survey-answer-save'))

    expect((await screen.findByTestId('survey-answer-saved')).textContent).toBe('The answer of Cork is saved.')
    const put = requestsTo(fetchMock, '/api/surveys/4/answers/11').find((request) => request.method === 'PUT')!
    expect(put.headers.get('If-Match')).toBeNull()
    expect(await put.json()).toEqual({
      primaryTopics: [1, 10],
      willingToCoordinate: true,
      coordinateTopics: [10],
      coordinateClusterIds: [7],
      questionnaire: {
        hostExpertsMeeting: false,
        hostExchangeActivities: true,
        capacityBuildingWorkshop: false,
        researchCaseStudies: false,
        financialContribution: true,
        other: 'Host a study visit',
      },
    })
  })

  it('loads the answer to edit, sends it back with If-Match, and drops what to coordinate once no longer willing', async () => {
    auth.state = authenticated('focal-point')
    const fetchMock = fakeApi(reads({ answer: CORK_ANSWER, put: () => json({ ...CORK_ANSWER, version: 4 }, 200, { ETag: '"4"' }) }))
    renderPage()

    expect((await screen.findByTestId('survey-answer-state')).textContent).toMatch(/^Last saved .* by focal-point\.$/)
    expect((screen.getByTestId('primary-topic-1') as HTMLInputElement).checked).toBe(true)
    expect((screen.getByTestId('primary-topic-10') as HTMLInputElement).checked).toBe(false)
    expect((await screen.findByTestId('coordinate-cluster-6') as HTMLInputElement).checked).toBe(true)
    expect((screen.getByTestId('questionnaire-researchCaseStudies') as HTMLInputElement).checked).toBe(true)
    expect((screen.getByTestId('questionnaire-other') as HTMLTextAreaElement).value).toBe('A study visit to our learning festival')
    fireEvent.click(screen.getByTestId('willing-to-coordinate'))
    fireEvent.click(screen.getByTestId('survey-answer-save'))

    await screen.findByTestId('survey-answer-saved')
    const put = requestsTo(fetchMock, '/api/surveys/4/answers/11').find((request) => request.method === 'PUT')!
    expect(put.headers.get('If-Match')).toBe('"3"')
    expect(await put.json()).toEqual({
      primaryTopics: [1],
      willingToCoordinate: false,
      coordinateTopics: [],
      coordinateClusterIds: [],
      questionnaire: { ...CORK_ANSWER.questionnaire },
    })
  })

  it('says in words that the survey is closed (409), with the dates the server gives', async () => {
    auth.state = authenticated('focal-point')
    const closed = {
      type: 'https://learning-cities.example.org/problems/survey-closed',
      title: 'The survey is not open',
      status: 409,
      detail: 'Survey 4 takes answers from 2021-01-15 to 2021-03-31 (it is closed); nothing was changed.',
    }
    fakeApi(reads({ answer: CORK_ANSWER, put: () => json(closed, 409) }))
    renderPage()

    fireEvent.click(await screen.findByTestId('survey-answer-save'))
    expect((await screen.findByTestId('survey-closed')).textContent).toBe('The survey is closed: the answer was not saved. ' + closed.detail)
    expect(screen.queryByTestId('survey-answer-saved')).toBeNull()
  })

  it("shows the API's field errors next to their fields", async () => {
    auth.state = authenticated('focal-point')
    fakeApi(
      reads({
        put: () =>
          json(
            {
              type: 'https://learning-cities.example.org/problems/validation',
              title: 'Validation failed',
              status: 422,
              errors: [
                { field: 'primaryTopics', message: 'size must be between 1 and 12' },
                { field: 'questionnaire.other', message: 'size must be between 0 and 2000' },
              ],
            },
            422,
          ),
      }),
    )
    renderPage()

    fireEvent.click(await screen.findByTestId('survey-answer-save'))
    expect((await screen.findByTestId('error-primaryTopics')).textContent).toBe('size must be between 1 and 12')
    expect(screen.getByTestId('error-questionnaire.other').textContent).toBe('size must be between 0 and 2000')
    expect(screen.getByTestId('error-primaryTopics').closest('fieldset')?.getAttribute('data-field')).toBe('primaryTopics')
  })

  it('lets a focal point of several cities pick the one to answer for', async () => {
    auth.state = authenticated('focal-point')
    const fetchMock = fakeApi(reads({ cities: [memberSummary(11, 'Cork'), memberSummary(13, 'Nairobi')], answer: CORK_ANSWER }))
    renderPage()

    await screen.findByText('The answer of Cork')
    fireEvent.change(screen.getByTestId('survey-city'), { target: { value: '13' } })
    await screen.findByText('The answer of Nairobi')
    await waitFor(() => expect(screen.getByTestId('survey-answer-state').textContent).toBe('Not answered yet.'))
    expect(requestsTo(fetchMock, '/api/surveys/4/answers/13')).toHaveLength(1)
  })

  it('says so when the login looks after no city', async () => {
    auth.state = authenticated('focal-point')
    fakeApi(reads({ cities: [] }))
    renderPage()
    await screen.findByText('Your login is not the focal point of any member city, so there is no city to answer for.')
    expect(screen.queryByTestId('survey-answer-form')).toBeNull()
  })
})
