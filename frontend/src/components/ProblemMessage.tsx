import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../api/problem'

/** A failed request as a sentence a person can act on. */
export function ProblemMessage({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (!(error instanceof ApiProblem)) {
    // fetch itself failed: offline, server down, or a blocked request.
    return (
      <div role="alert" className="problem" data-testid="problem">
        {t('problem.network')}
      </div>
    )
  }
  return (
    <div role="alert" className="problem" data-testid="problem">
      <p>
        {error.title ? <strong>{error.title}</strong> : t('problem.httpStatus', { status: error.status })}
        {error.detail && <> {error.detail}</>}
      </p>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((fieldError, index) => (
            <li key={index}>
              <code>{fieldError.field}</code>: {fieldError.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
