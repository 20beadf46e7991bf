import { Fragment, type ReactNode } from 'react'
import { Route, Routes, useParams } from 'react-router'
import { NotFoundPage } from '../pages/NotFoundPage'
import { FundPage } from './FundPage'
import { JournalPage } from './JournalPage'
import { RecordPage } from './RecordPage'
import { StatementPage } from './StatementPage'
import { TrialBalancePage } from './TrialBalancePage'

/**
 * The fund's pages under /fund. The API has no list of funds yet, so /fund opens the first fund
 * (the demo data's 2019–2021 fund) with a field to open another by its number.
 */
export function FundArea() {
  return (
    <Routes>
      <Route index element={<FundPage fundId={1} />} />
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
