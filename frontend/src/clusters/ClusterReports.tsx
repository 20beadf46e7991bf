import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../api/client'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import type { Language } from '../i18n'
import { localized } from './clustersApi'

/**
 * The cluster's six-monthly reports in this term, newest first, each with its summary and its
 * news items for the network's newsletter (the public sees published news only: the API leaves
 * the others out).
 */
export function ClusterReports({ clusterId, termId, language }: { clusterId: number; termId: number; language: Language }) {
  const { t } = useTranslation()
  const reports = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}/terms/{termId}/reports', { params: { path: { clusterId, termId } }, signal }).then(unwrap),
    [clusterId, termId],
  )
  const date = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
  return (
    <section aria-labelledby="cluster-reports-title" data-testid="cluster-reports">
      <h2 id="cluster-reports-title">{t('clusters.reports.title')}</h2>
      <Loaded state={reports} isEmpty={(data) => data.items.length === 0} empty={t('clusters.reports.none')}>
        {(data) => (
          <ul>
            {[...data.items]
              .sort((a, b) => b.periodStart.localeCompare(a.periodStart))
              .map((report) => (
                <li key={report.id} data-testid="cluster-report">
                  <h3>
                    {t(report.half === 1 ? 'clusters.reports.firstHalf' : 'clusters.reports.secondHalf', { year: report.year })}{' '}
                    <span className="muted">
                      ({date(report.periodStart)} – {date(report.periodEnd)})
                    </span>
                  </h3>
                  {localized(report.summary, language) && <p>{localized(report.summary, language)}</p>}
                  {report.news.length > 0 && (
                    <>
                      <h4>{t('clusters.reports.news')}</h4>
                      <ul>
                        {report.news.map((item) => (
                          <li key={item.id} data-testid="cluster-news">
                            <strong>{localized(item.title, language)}</strong> <span className="muted">{date(item.date)}</span>
                            <p>{localized(item.text, language)}</p>
                            {item.link && (
                              <a href={item.link} rel="noopener noreferrer">
                                {item.link}
                              </a>
                            )}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </li>
              ))}
          </ul>
        )}
      </Loaded>
    </section>
  )
}
