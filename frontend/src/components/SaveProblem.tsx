import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../api/problem'
import { ProblemMessage } from './ProblemMessage'

/**
 * Why a save failed. A stale version (412) gets its own sentence and a Reload button, since the
 * server's wording cannot say what to do in this page; everything else is the server's problem.
 */
export function SaveProblem({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation()
  if (!error) return null
  if (error instanceof ApiProblem && error.status === 412) {
    return (
      <div role="alert" className="problem" data-testid="stale-version">
        <p>{t('edit.stale')}</p>
        {onReload && (
          <button type="button" onClick={onReload}>
            {t('edit.reload')}
          </button>
        )}
      </div>
    )
  }
  return <ProblemMessage error={error} />
}
