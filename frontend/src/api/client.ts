import createClient, { type Middleware } from 'openapi-fetch'
import { currentLanguage } from '../i18n'
import { toApiProblem } from './problem'
import type { components, paths } from './schema'

export type Schemas = components['schemas']

type AccessTokenSource = () => Promise<string | undefined>

let accessTokenSource: AccessTokenSource = async () => undefined

/** Set by the auth module once Keycloak is ready: gives a fresh token, or none when logged out. */
export function setAccessTokenSource(source: AccessTokenSource): void {
  accessTokenSource = source
}

const headers: Middleware = {
  async onRequest({ request }) {
    request.headers.set('Accept-Language', currentLanguage())
    const token = await accessTokenSource()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    return request
  },
}

export const api = createClient<paths>({
  // Same origin as the page: the backend serves both the app and the API.
  baseUrl: globalThis.location?.origin ?? '',
  // Looked up on each call (not captured once) so tests can stub the global fetch.
  fetch: (request) => globalThis.fetch(request),
})
api.use(headers)

/**
 * The data of an openapi-fetch result, or an ApiProblem thrown for an error answer.
 * Use as `api.GET(...).then(unwrap)`.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T
  throw toApiProblem(result.response, result.error)
}

/** The data of a successful answer with its ETag, for a later `If-Match`. */
export type Versioned<T> = { data: T; etag: string }

/**
 * Like `unwrap`, and keeps the ETag. Falls back to the version in quotes, which is what the API
 * sends as ETag, in case a proxy dropped the header.
 */
export function unwrapVersioned<T extends { version: number }>(result: {
  data?: T
  error?: unknown
  response: Response
}): Versioned<T> {
  const data = unwrap(result)
  return { data, etag: result.response.headers.get('ETag') ?? `"${data.version}"` }
}
