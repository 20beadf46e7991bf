import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../auth/AuthProvider'
import { login } from '../auth/session'
import { currentLanguage } from '../i18n'
import { ProblemMessage } from './ProblemMessage'

/** Shows `children` to a logged-in user; a visitor gets `reason` and a Login button. */
export function RequireLogin({ reason, children }: { reason: string; children: ReactNode }) {
  const { t } = useTranslation()
  const auth = useAuth()
  switch (auth.status) {
    case 'starting':
      return <p role="status">{t('auth.starting')}</p>
    case 'failed':
      return <ProblemMessage error={auth.error} />
    case 'anonymous':
      return (
        <div className="login-prompt" data-testid="login-prompt">
          <p>{reason}</p>
          <button type="button" data-testid="login-prompt-button" onClick={() => void login(currentLanguage())}>
            {t('auth.login')}
          </button>
        </div>
      )
    case 'authenticated':
      return <>{children}</>
  }
}
