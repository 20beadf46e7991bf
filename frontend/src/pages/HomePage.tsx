import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function HomePage() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <p>
        <Link to="/reference" data-testid="home-reference-link">
          {t('home.referenceLink')}
        </Link>
      </p>
    </>
  )
}
