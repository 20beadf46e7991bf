import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { api, unwrap } from './client'
import { ApiProblem, toApiProblem } from './problem'

function answer(status: number, body: string, contentType: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType } })
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('toApiProblem', () => {
  it('keeps title, detail, status and field errors of a problem+json answer', () => {
    const body = {
      type: 'https://learning-cities.example.org/problems/bad-request',
      title: 'Bad request',
      status: 400,
      detail: 'Query parameter size must be between 1 and 200',
      instance: '/api/reference/countries',
      errors: [{ field: 'size', message: 'must be between 1 and 200' }],
    }
    const problem = toApiProblem(answer(400, '', 'application/problem+json'), body)

    expect(problem).toBeInstanceOf(ApiProblem)
    expect(problem).toMatchObject({
      status: 400,
      title: 'Bad request',
      detail: 'Query parameter size must be between 1 and 200',
      instance: '/api/reference/countries',
      errors: [{ field: 'size', message: 'must be between 1 and 200' }],
    })
    expect(problem.message).toBe('Query parameter size must be between 1 and 200')
  })

  it('keeps only the status of an answer that is not problem+json', () => {
    const problem = toApiProblem(answer(502, '<html>Bad gateway</html>', 'text/html'), '<html>Bad gateway</html>')
    expect(problem).toMatchObject({ status: 502, title: '', detail: undefined, errors: [] })
  })
})

describe('api client', () => {
  it('throws an ApiProblem for a problem+json answer', async () => {
    const body = { type: 'about:blank', title: 'Not found', status: 404, detail: 'There is no country XX.' }
    vi.stubGlobal('fetch', vi.fn(async () => answer(404, JSON.stringify(body), 'application/problem+json')))

    const call = api.GET('/api/reference/countries/{iso2}', { params: { path: { iso2: 'XX' } } }).then(unwrap)

    await expect(call).rejects.toBeInstanceOf(ApiProblem)
    await expect(call).rejects.toMatchObject({ status: 404, title: 'Not found', detail: 'There is no country XX.' })
  })

  it('sends the UI language as Accept-Language and no token when logged out', async () => {
    await chooseLanguage('es')
    const fetchMock = vi.fn(async (_request: Request) =>
      answer(200, JSON.stringify({ items: [], page: 1, size: 5, total: 0 }), 'application/json'),
    )
    vi.stubGlobal('fetch', fetchMock)

    await api.GET('/api/reference/regions').then(unwrap)

    const request = fetchMock.mock.calls[0][0]
    expect(request.url).toBe(`${window.location.origin}/api/reference/regions`)
    expect(request.headers.get('Accept-Language')).toBe('es')
    expect(request.headers.get('Authorization')).toBeNull()
    await chooseLanguage('en')
  })
})
