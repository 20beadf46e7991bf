import { useTranslation } from 'react-i18next'
import type { Language } from '../i18n'

/**
 * SLOT for the cluster's progress reports and news items in this term. The reports and news
 * endpoints are being added to the contract in parallel; once they are merged, this component
 * lists the reports (and, with `canManage`, lets the coordinator submit one) and the news items.
 * Until then it only keeps the place on the cluster page, so the page's layout does not change.
 */
export function ClusterReportsSlot(props: { clusterId: number; termId: number; canManage: boolean; language: Language }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="cluster-reports-title" data-testid="cluster-reports-slot" data-cluster-id={props.clusterId} data-term-id={props.termId}>
      <h2 id="cluster-reports-title">{t('clusters.reports.title')}</h2>
      <p className="muted">{t('clusters.reports.soon')}</p>
    </section>
  )
}
