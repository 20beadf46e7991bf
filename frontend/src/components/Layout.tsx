import { Suspense, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import { useAuth, useHasRole } from '../auth/AuthProvider'
import { LanguageSwitcher } from './LanguageSwitcher'
import { UserMenu } from './UserMenu'

type NavItem = { to: string; key: 'home' | 'members' | 'clusters' | 'surveys' | 'organisations' | 'apply' | 'myApplications' | 'applications' | 'fund' | 'library' | 'reference' }

export function Layout() {
  const { t } = useTranslation()
  const loggedIn = useAuth().status === 'authenticated'
  const isSecretariat = useHasRole('secretariat')

  useEffect(() => {
    document.title = t('app.name')
  }, [t])

  const navigation: NavItem[] = [
    { to: '/', key: 'home' },
    { to: '/members', key: 'members' },
    { to: '/organisations', key: 'organisations' },
    { to: '/apply', key: 'apply' },
    ...(loggedIn ? [{ to: '/my-applications', key: 'myApplications' } as const] : []),
    ...(isSecretariat ? [{ to: '/applications', key: 'applications' } as const] : []),
    { to: '/clusters', key: 'clusters' },
    { to: '/surveys', key: 'surveys' },
    { to: '/fund', key: 'fund' },
    { to: '/library', key: 'library' },
    { to: '/reference', key: 'reference' },
  ]

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <p className="product-name">{t('app.name')}</p>
        <nav aria-label={t('nav.label')}>
          <ul>
            {navigation.map(({ to, key }) => (
              <li key={key}>
                <NavLink to={to} end={to === '/'} data-testid={`nav-${key}`}>
                  {t(`nav.${key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitcher />
        <UserMenu />
      </header>
      <main id="main" tabIndex={-1}>
        {/* Areas are loaded on first visit (see App.tsx): this shows while one arrives. */}
        <Suspense fallback={<p role="status">{t('status.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </>
  )
}
