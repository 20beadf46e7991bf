import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../api/client'
import { formatDate } from '../components/format'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import type { Language } from '../i18n'
import { localized, type ClusterTerm } from './clustersApi'
import { ReportForm, type ClusterReport, type Period } from './ReportForm'

type Editing = { kind: 'new' } | { kind: 'edit'; report: ClusterReport }

/**
 * The cluster's six-monthly reports in this term, newest first, each with its summary and its
 * news items for the network's newsletter (the public sees published news only: the API leaves
 * the others out). With `canManage` (the cluster's coordinator, or the secretariat) a report can
 * be submitted for a half-year not reported yet, and a submitted one replaced.
 */
export function ClusterReports(props: { clusterId: number; term: ClusterTerm; canManage: boolean; language: Language }) {
  const { t } = useTranslation()
  const { clusterId, term, canManage, language } = props
  const termId = term.id
  const [reloads, setReloads] = useState(0)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [submitted, setSubmitted] = useState(false)
  const reports = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}/terms/{termId}/reports', { params: { path: { clusterId, termId } }, signal }).then(unwrap),
    [clusterId, termId, reloads],
  )
  const date = (iso: string) => formatDate(iso, language)
  const reported: Period[] = reports.status === 'loaded' ? reports.data.items.map((report) => ({ year: report.year, half: report.half as 1 | 2 })) : []
  return (
    <section aria-labelledby="cluster-reports-title" data-testid="cluster-reports">
      <h2 id="cluster-reports-title">{t('clusters.reports.title')}</h2>
      {submitted && (
        <p role="status" className="notice" data-testid="report-saved">
          {t('clusters.reportForm.saved')}
        </p>
      )}
      {canManage &&
        reports.status === 'loaded' &&
        (editing ? (
          <ReportForm
            key={editing.kind === 'edit' ? `${editing.report.id}:${editing.report.version}` : 'new'}
            clusterId={clusterId}
            term={term}
            report={editing.kind === 'edit' ? editing.report : undefined}
            reported={reported}
            onSaved={() => {
              setEditing(null)
              setSubmitted(true)
              setReloads((n) => n + 1)
            }}
            onCancel={() => {
              setEditing(null)
              setReloads((n) => n + 1)
            }}
          />
        ) : (
          <p>
            <button
              type="button"
              onClick={() => {
                setSubmitted(false)
                setEditing({ kind: 'new' })
              }}
              data-testid="report-new"
            >
              {t('clusters.reportForm.new')}
            </button>
          </p>
        ))}
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
                  {report.activityIds.length > 0 && (
                    <p className="muted" data-testid="report-activity-count">
                      {t('clusters.reports.activitiesDone', { count: report.activityIds.length })}
                    </p>
                  )}
                  {canManage && !editing && (
                    <p>
                      <button
                        type="button"
                        onClick={() => {
                          setSubmitted(false)
                          setEditing({ kind: 'edit', report })
                        }}
                        data-testid="report-edit"
                      >
                        {t('edit.edit')}
                      </button>
                    </p>
                  )}
                  {report.news.length > 0 && (
                    <>
                      <h4>{t('clusters.reports.news')}</h4>
                      <ul>
                        {report.news.map((item) => (
                          <li key={item.id} data-testid="cluster-news">
                            <strong>{localized(item.title, language)}</strong> <span className="muted">{date(item.date)}</span>
                            {!item.published && <span className="badge"> {t('clusters.reports.unpublished')}</span>}
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
