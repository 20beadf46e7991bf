import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useAuth } from '../auth/AuthProvider'
import { login, logout } from '../auth/session'
import { currentLanguage } from '../i18n'
import { ProblemMessage } from './ProblemMessage'

/** Login button for visitors; name, roles and Logout for a logged-in user. */
export function UserMenu() {
  const { t } = useTranslation()
  const auth = useAuth()
  const location = useLocation()
  // Logging in from the home page lands on the work queue; from any other page, back on that page.
  const landing = location.pathname === '/' ? `${window.location.origin}/my-work` : undefined

  const logoutButton = (
    <button type="button" data-testid="logout" onClick={() => void logout()}>
      {t('auth.logout')}
    </button>
  )

  switch (auth.status) {
    case 'starting':
      return (
        <div className="user-menu" role="status">
          {t('auth.starting')}
        </div>
      )
    case 'anonymous':
      return (
        <div className="user-menu">
          <button type="button" data-testid="login" onClick={() => void login(currentLanguage(), landing)}>
            {t('auth.login')}
          </button>
        </div>
      )
    case 'authenticated':
      return (
        <div className="user-menu">
          <span className="user-name" aria-label={t('auth.user')} data-testid="user-name">
            {auth.user.name || auth.user.username}
          </span>
          <ul className="user-roles" aria-label={t('auth.roles')} data-testid="user-roles">
            {auth.user.roles.map((role) => (
              <li key={role} data-role={role}>
                {t(`roles.${role}`)}
              </li>
            ))}
          </ul>
          <Link to="/my-work" data-testid="nav-my-work">
            {t('workQueue.menuLink')}
          </Link>
          {logoutButton}
        </div>
      )
    case 'failed':
      return (
        <div className="user-menu user-menu-failed">
          <span>{t('auth.unavailable')}</span>
          <ProblemMessage error={auth.error} />
          {auth.loggedIn && logoutButton}
        </div>
      )
  }
}
