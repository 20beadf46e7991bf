import { Fragment, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Route, Routes, useParams } from 'react-router'
import { api, unwrap } from '../api/client'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { NotFoundPage } from '../pages/NotFoundPage'
import { FundPage } from './FundPage'
import { JournalPage } from './JournalPage'
import { NewDonorPage } from './NewDonorPage'
import { NewFundPage } from './NewFundPage'
import { RecordPage } from './RecordPage'
import { useCanManageFund } from './roles'
import { StatementPage } from './StatementPage'
import { TrialBalancePage } from './TrialBalancePage'

/** The fund's pages under /fund; /fund itself opens the fund of the newest term. */
export function FundArea() {
  return (
    <Routes>
      <Route index element={<NewestFund />} />
      <Route path="new" element={<NewFundPage />} />
      <Route path="donors/new" element={<NewDonorPage />} />
      <Route path=":fundId" element={<WithIds>{(ids) => <FundPage fundId={ids.fundId} />}</WithIds>} />
      <Route path=":fundId/record" element={<WithIds>{(ids) => <RecordPage fundId={ids.fundId} />}</WithIds>} />
      <Route path=":fundId/journal" element={<WithIds>{(ids) => <JournalPage fundId={ids.fundId} />}</WithIds>} />
      <Route path=":fundId/trial-balance" element={<WithIds>{(ids) => <TrialBalancePage fundId={ids.fundId} />}</WithIds>} />
      <Route
        path=":fundId/donors/:donorId/statement"
        element={<WithIds>{(ids) => <StatementPage fundId={ids.fundId} donorId={ids.donorId ?? 0} />}</WithIds>}
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}

/** The fund of the newest term (the API lists funds newest term first). */
function NewestFund() {
  const { t } = useTranslation()
  const canManage = useCanManageFund()
  const funds = useLoad((signal) => api.GET('/api/funds', { params: { query: { size: 1 } }, signal }).then(unwrap), [])
  return (
    <Loaded state={funds}>
      {(data) =>
        data.items.length > 0 ? (
          <FundPage fundId={data.items[0].id} />
        ) : (
          <>
            <p data-testid="no-funds">{t('fund.noFunds')}</p>
            {/* A new installation has no fund: whoever may open one is shown the way to. */}
            {canManage && (
              <p>
                <Link to="/fund/new" data-testid="fund-link-new-fund">
                  {t('fund.links.newFund')}
                </Link>
              </p>
            )}
          </>
        )
      }
    </Loaded>
  )
}

function positiveId(value: string | undefined): number | null {
  const id = Number(value)
  return Number.isInteger(id) && id > 0 ? id : null
}

/** The ids in the address; a page that is not a fund's (/fund/abc) is not found. */
function WithIds({ children }: { children: (ids: { fundId: number; donorId: number | null }) => ReactNode }) {
  const params = useParams()
  const fundId = positiveId(params.fundId)
  const donorId = params.donorId === undefined ? null : positiveId(params.donorId)
  if (fundId === null || (params.donorId !== undefined && donorId === null)) return <NotFoundPage />
  // Keyed by the address, so another fund's page starts afresh.
  return <Fragment key={`${fundId}:${donorId}`}>{children({ fundId, donorId })}</Fragment>
}
