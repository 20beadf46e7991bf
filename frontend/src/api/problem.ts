import type { components } from './schema'

export type FieldError = components['schemas']['FieldError']
type ProblemBody = components['schemas']['Problem']

/**
 * An error answer of the API (RFC 9457 problem), thrown so that pages can show
 * the server's own explanation instead of a bare status code.
 */
export class ApiProblem extends Error {
  readonly status: number
  readonly title: string
  readonly detail?: string
  readonly type?: string
  readonly instance?: string
  readonly errors: FieldError[]

  constructor(problem: { status: number; title?: string; detail?: string; type?: string; instance?: string; errors?: FieldError[] }) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`)
    this.name = 'ApiProblem'
    this.status = problem.status
    this.title = problem.title ?? ''
    this.detail = problem.detail
    this.type = problem.type
    this.instance = problem.instance
    this.errors = problem.errors ?? []
  }
}

function isProblemBody(body: unknown): body is Partial<ProblemBody> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
}

function isProblemJson(response: Response): boolean {
  return (response.headers.get('Content-Type') ?? '').toLowerCase().startsWith('application/problem+json')
}

/**
 * The ApiProblem for an error response. `body` is what openapi-fetch parsed (JSON when it
 * could, else text). A body that is not problem+json (a proxy's HTML page, say) keeps only
 * the status, with an empty title, so the page shows its own translated message.
 */
export function toApiProblem(response: Response, body: unknown): ApiProblem {
  if (isProblemJson(response) && isProblemBody(body)) {
    return new ApiProblem({
      status: typeof body.status === 'number' ? body.status : response.status,
      title: typeof body.title === 'string' ? body.title : undefined,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      type: typeof body.type === 'string' ? body.type : undefined,
      instance: typeof body.instance === 'string' ? body.instance : undefined,
      errors: Array.isArray(body.errors) ? body.errors : undefined,
    })
  }
  return new ApiProblem({ status: response.status })
}
