import { vi } from 'vitest'

// A small stand-in for the API in unit tests: only the global fetch is replaced.

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json'
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } })
}

export type Handler = (request: Request, url: URL) => Response | Promise<Response | undefined> | undefined

const REFERENCE: Record<string, unknown> = {
  '/api/reference/countries': {
    items: [
      { iso2: 'CO', iso3: 'COL', numericCode: 170, name: 'Colombia', names: { en: 'Colombia' }, unescoRegion: null, currencies: [], version: 1 },
      { iso2: 'KE', iso3: 'KEN', numericCode: 404, name: 'Kenya', names: { en: 'Kenya' }, unescoRegion: null, currencies: [], version: 1 },
    ],
    page: 1,
    size: 200,
    total: 2,
  },
  '/api/reference/regions': {
    items: [
      { code: 'AFRICA', name: 'Africa', countryCount: 54 },
      { code: 'LATIN_AMERICA_CARIBBEAN', name: 'Latin America and the Caribbean', countryCount: 33 },
    ],
    page: 1,
    size: 5,
    total: 2,
  },
  '/api/reference/income-groups': { items: [{ code: 'HIGH', name: 'High income', countryCount: 80 }], page: 1, size: 4, total: 1 },
  '/api/reference/topics': {
    items: [
      { number: 1, code: 'ESD', name: 'Education for Sustainable Development (ESD)', groupNumber: 1 },
      { number: 10, code: 'DIGITAL', name: 'Digital learning', groupNumber: 3 },
    ],
    page: 1,
    size: 12,
    total: 2,
  },
}

/** Installs a fetch that asks `handler` first, then answers reference data, else 404. */
export function fakeApi(handler: Handler) {
  const fetchMock = vi.fn(async (request: Request) => {
    const url = new URL(request.url)
    const answer = await handler(request, url)
    if (answer) return answer
    if (url.pathname in REFERENCE) return json(REFERENCE[url.pathname])
    return json({ type: 'about:blank', title: 'Not found', status: 404 }, 404)
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

/** The requests made so far to `pathname`. */
export function requestsTo(fetchMock: ReturnType<typeof fakeApi>, pathname: string): Request[] {
  return fetchMock.mock.calls.map(([request]) => request).filter((request) => new URL(request.url).pathname === pathname)
}
