import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink, Outlet } from 'react-router'
import { LanguageSwitcher } from './LanguageSwitcher'
import { UserMenu } from './UserMenu'

export const AREAS = ['members', 'clusters', 'fund', 'toolkits'] as const
export type Area = (typeof AREAS)[number]

const NAVIGATION = [
  { to: '/', key: 'home' },
  ...AREAS.map((area) => ({ to: `/${area}`, key: area })),
  { to: '/reference', key: 'reference' },
] as const

export function Layout() {
  const { t } = useTranslation()

  useEffect(() => {
    document.title = t('app.name')
  }, [t])

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <p className="product-name">{t('app.name')}</p>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAVIGATION.map(({ to, key }) => (
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
        <Outlet />
      </main>
    </>
  )
}
