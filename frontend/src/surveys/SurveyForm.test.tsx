import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { authenticated, list, TERM } from '../clusters/testData'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo, type Handler } from '../test/fakeApi'
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

const NEW_SURVEY = { ...OPEN_SURVEY, id: 5, title: { en: 'Survey 2022', fr: 'Enquête 2022', es: null }, opensOn: '2022-01-10', closesOn: '2022-02-28', status: 'CLOSED' as const }

/** The page's reads; `write` answers POST and PUT, after which `after` is the term's list. */
function reads(write: Handler, after = [OPEN_SURVEY, CLOSED_SURVEY]): Handler {
  let written = false
  return async (request, url) => {
    if (request.method !== 'GET') {
      const answer = await write(request, url)
      if (answer?.ok) written = true
      return answer
    }
    switch (url.pathname) {
      case '/api/cluster-terms':
        return list([TERM])
      case '/api/surveys':
        return list(written ? after : [OPEN_SURVEY, CLOSED_SURVEY])
      case '/api/me/cities':
        return list([])
    }
    return undefined
  }
}

function renderPage() {
  return render(
    <MemoryRouter>
      <SurveysPage />
    </MemoryRouter>,
  )
}

describe('the survey forms of the secretariat', () => {
  it('are not offered to a focal point', async () => {
    auth.state = authenticated('focal-point')
    fakeApi(reads(() => undefined))
    renderPage()
    await screen.findAllByTestId('survey-row')
    expect(screen.queryByTestId('survey-new')).toBeNull()
    expect(screen.queryByTestId('survey-edit')).toBeNull()
  })

  it("adds a survey to the chosen term with its titles and days, then lists it", async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = fakeApi(
      reads((_request, url) => (url.pathname === '/api/surveys' ? json(NEW_SURVEY, 201, { ETag: '"1"' }) : undefined), [NEW_SURVEY, OPEN_SURVEY, CLOSED_SURVEY]),
    )
    renderPage()

    fireEvent.click(await screen.findByTestId('survey-new'))
    const form = screen.getByTestId('survey-form')
    expect(within(form).getByRole('heading').textContent).toBe('New survey of the term 2019-2021')
    fireEvent.change(within(form).getByTestId('survey-title-en'), { target: { value: 'Survey 2022' } })
    fireEvent.change(within(form).getByTestId('survey-title-fr'), { target: { value: 'Enquête 2022' } })
    fireEvent.change(within(form).getByTestId('survey-opensOn'), { target: { value: '2022-01-10' } })
    fireEvent.change(within(form).getByTestId('survey-closesOn'), { target: { value: '2022-02-28' } })
    fireEvent.click(within(form).getByTestId('survey-save'))

    await waitFor(() => expect(screen.getAllByTestId('survey-row')).toHaveLength(3))
    expect(screen.queryByTestId('survey-form')).toBeNull()
    const post = requestsTo(fetchMock, '/api/surveys').find((request) => request.method === 'POST')!
    expect(await post.json()).toEqual({ termId: 1, title: { en: 'Survey 2022', fr: 'Enquête 2022', es: null }, opensOn: '2022-01-10', closesOn: '2022-02-28' })
  })

  it('changes a survey with If-Match of its version, its term kept', async () => {
    auth.state = authenticated('secretariat')
    const closedEarly = { ...OPEN_SURVEY, closesOn: '2021-02-01', status: 'CLOSED' as const, version: 2 }
    const fetchMock = fakeApi(
      reads((_request, url) => (url.pathname === '/api/surveys/4' ? json(closedEarly, 200, { ETag: '"2"' }) : undefined), [closedEarly, CLOSED_SURVEY]),
    )
    renderPage()

    const row = (await screen.findAllByTestId('survey-row')).find((item) => item.getAttribute('data-survey-id') === '4')!
    fireEvent.click(within(row).getByTestId('survey-edit'))
    const form = screen.getByTestId('survey-form')
    expect((within(form).getByTestId('survey-title-fr') as HTMLInputElement).value).toBe('Enquête sur les pôles thématiques (2021)')
    expect((within(form).getByTestId('survey-opensOn') as HTMLInputElement).value).toBe('2021-01-15')
    fireEvent.change(within(form).getByTestId('survey-closesOn'), { target: { value: '2021-02-01' } })
    fireEvent.click(within(form).getByTestId('survey-save'))

    await waitFor(() => expect(screen.getAllByTestId('survey-status').map((cell) => cell.textContent)).toEqual(['Closed', 'Closed']))
    const put = requestsTo(fetchMock, '/api/surveys/4')[0]
    expect(put.method).toBe('PUT')
    expect(put.headers.get('If-Match')).toBe('"1"')
    expect(await put.json()).toEqual({
      termId: 1,
      title: { en: 'Survey on the thematic clusters (2021)', fr: 'Enquête sur les pôles thématiques (2021)', es: null },
      opensOn: '2021-01-15',
      closesOn: '2021-02-01',
    })
  })

  it("shows a refusal readably with the API's field errors next to the dates", async () => {
    auth.state = authenticated('secretariat')
    fakeApi(
      reads(() =>
        json(
          {
            type: 'https://learning-cities.example.org/problems/validation',
            title: 'Validation failed',
            status: 422,
            detail: 'closesOn is before opensOn.',
            errors: [{ field: 'closesOn', message: 'must not be before opensOn' }],
          },
          422,
        ),
      ),
    )
    renderPage()

    fireEvent.click(await screen.findByTestId('survey-new'))
    fireEvent.change(screen.getByTestId('survey-title-en'), { target: { value: 'Backwards' } })
    fireEvent.change(screen.getByTestId('survey-opensOn'), { target: { value: '2022-03-01' } })
    fireEvent.change(screen.getByTestId('survey-closesOn'), { target: { value: '2022-02-01' } })
    fireEvent.click(screen.getByTestId('survey-save'))

    expect((await screen.findByTestId('error-closesOn')).textContent).toBe('must not be before opensOn')
    expect(within(screen.getByTestId('survey-form')).getByTestId('problem').textContent).toContain('Validation failed closesOn is before opensOn.')
    expect((screen.getByTestId('survey-title-en') as HTMLInputElement).value).toBe('Backwards')
  })
})
