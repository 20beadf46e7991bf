import { useTranslation } from 'react-i18next'
import type { ComingSoonArea } from '../components/Layout'

/** The page of an area whose features are still to come. */
export function ComingSoonPage({ area }: { area: ComingSoonArea }) {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t(`nav.${area}`)}</h1>
      <p data-testid="coming-soon">{t('areas.building')}</p>
    </>
  )
}
