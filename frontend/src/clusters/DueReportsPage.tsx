import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { formatDate } from '../components/format'
import { Loaded } from '../components/Loaded'
import { RequireLogin } from '../components/LoginPrompt'
import { Pager } from '../components/Pager'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { localized } from './clustersApi'

const PAGE_SIZE = 50

/** For the secretariat: the six-monthly reports not submitted yet for half-years that have ended, earliest due first. */
export function DueReportsPage() {
  const { t } = useTranslation()
  return (
    <>
      <p>
        <Link to="/clusters">{t('clusters.back')}</Link>
      </p>
      <h1>{t('clusters.due.title')}</h1>
      <p>{t('clusters.due.intro')}</p>
      <RequireLogin reason={t('clusters.due.secretariatOnly')}>
        <DueReports />
      </RequireLogin>
    </>
  )
}

function DueReports() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const isSecretariat = useHasRole('secretariat')
  const [overdueOnly, setOverdueOnly] = useState(false)
  const [page, setPage] = useState(1)
  const due = useLoad(
    (signal) =>
      isSecretariat
        ? api
            .GET('/api/cluster-reports/due', { params: { query: { page, size: PAGE_SIZE, ...(overdueOnly ? { overdue: true } : {}) } }, signal })
            .then(unwrap)
        : Promise.resolve(null),
    [isSecretariat, overdueOnly, page],
  )
  if (!isSecretariat) return <p data-testid="due-forbidden">{t('clusters.due.secretariatOnly')}</p>
  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={overdueOnly}
          onChange={(event) => {
            setOverdueOnly(event.target.checked)
            setPage(1)
          }}
          data-testid="due-overdue-only"
        />{' '}
        {t('clusters.due.overdueOnly')}
      </label>
      <Loaded state={due} isEmpty={(data) => !data || data.items.length === 0} empty={t('clusters.due.none')}>
        {(data) => (
          <>
            <table className="data-table" data-testid="due-table">
              <thead>
                <tr>
                  <th scope="col">{t('clusters.column.name')}</th>
                  <th scope="col">{t('clusters.term')}</th>
                  <th scope="col">{t('clusters.due.period')}</th>
                  <th scope="col">{t('clusters.due.dueOn')}</th>
                  <th scope="col">{t('clusters.due.state')}</th>
                </tr>
              </thead>
              <tbody>
                {data!.items.map((item) => (
                  <tr key={`${item.clusterId}-${item.termId}-${item.year}-${item.half}`} data-testid="due-row" data-overdue={item.overdue}>
                    <td>
                      <Link to={`/clusters/${item.clusterId}?term=${item.termId}`}>{localized(item.clusterName, language)}</Link>
                    </td>
                    <td>{item.termCode}</td>
                    <td>{t(item.half === 1 ? 'clusters.reports.firstHalf' : 'clusters.reports.secondHalf', { year: item.year })}</td>
                    <td>{formatDate(item.dueOn, language)}</td>
                    <td>
                      {item.overdue ? (
                        <span className="badge badge-warning">{t('clusters.due.overdue', { count: item.daysOverdue })}</span>
                      ) : (
                        t('clusters.due.notYet')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={data!.page} size={data!.size} total={data!.total} onPage={setPage} />
          </>
        )}
      </Loaded>
    </>
  )
}
