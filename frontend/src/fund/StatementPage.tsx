import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { ApiProblem } from '../api/problem'
import { formatDate } from '../components/format'
import { Loaded } from '../components/Loaded'
import { Pager } from '../components/Pager'
import { RequireLogin } from '../components/LoginPrompt'
import { ProblemMessage } from '../components/ProblemMessage'
import { saveFile } from '../components/saveFile'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import type { DonorStatement, Earmark } from './fundApi'
import { formatMoney, formatPercent, formatRate } from './money'

/** A donor's statement in one fund: its pledges and receipts, in their currency and in USD, and where the money went. */
export function StatementPage({ fundId, donorId }: { fundId: number; donorId: number }) {
  const { t } = useTranslation()
  return (
    <RequireLogin reason={t('fund.statement.login')}>
      <Statement fundId={fundId} donorId={donorId} />
    </RequireLogin>
  )
}

/** Pledges, receipts and uses per page of the statement (the API pages each list alike). */
export const STATEMENT_PAGE_SIZE = 50

function Statement({ fundId, donorId }: { fundId: number; donorId: number }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [page, setPage] = useState(1)
  const statement = useLoad(
    (signal) =>
      api
        .GET('/api/funds/{fundId}/donors/{donorId}/statement', { params: { path: { fundId, donorId }, query: { page, size: STATEMENT_PAGE_SIZE } }, signal })
        .then(unwrap) as Promise<Schemas['DonorStatement']>,
    [fundId, donorId, page],
  )
  const earmark = useEarmarkText()

  if (statement.status === 'failed' && statement.error instanceof ApiProblem && statement.error.status === 403) {
    return (
      <>
        <h1>{t('fund.statement.title')}</h1>
        <div role="alert" className="problem" data-testid="statement-forbidden">
          <p>{t('fund.statement.forbidden')}</p>
          {statement.error.detail && <p>{statement.error.detail}</p>}
        </div>
      </>
    )
  }

  return (
    <Loaded state={statement}>
      {(data) => (
        <article data-testid="statement">
          <p>
            <Link to={`/fund/${fundId}`}>{t('fund.links.summary')}</Link>
          </p>
          <h1>{t('fund.statement.title')}</h1>
          <p className="subtitle" data-testid="statement-donor">
            {data.donor.name} ({t(`fund.donorType.${data.donor.donorType}`)})
          </p>
          <CsvButton fundId={fundId} donorId={donorId} />
          <p data-testid="statement-total">
            {t('fund.statement.totalReceived', { amount: formatMoney(data.totalReceivedUsd, 'USD', language) })}
          </p>

          <h2>{t('fund.statement.pledges')}</h2>
          {data.pledges.length === 0 ? (
            <p>{t('fund.statement.noPledges')}</p>
          ) : (
            <table className="data-table" data-testid="statement-pledges">
              <thead>
                <tr>
                  <th scope="col">{t('fund.field.date')}</th>
                  <th scope="col">{t('fund.statement.amount')}</th>
                  <th scope="col">{t('fund.figure.usd')}</th>
                  <th scope="col">{t('fund.field.earmark')}</th>
                  <th scope="col">{t('fund.figure.received')}</th>
                  <th scope="col">{t('fund.statement.outstanding')}</th>
                </tr>
              </thead>
              <tbody>
                {data.pledges.map((pledge) => (
                  <tr key={pledge.movementId} data-testid="statement-pledge" className={pledge.reversed ? 'reversed' : undefined}>
                    <td>
                      {formatDate(pledge.date, language)}
                      {pledge.reversed && <span className="badge badge-warning"> {t('fund.statement.reversed')}</span>}
                    </td>
                    <td className="number">{formatMoney(pledge.amount, pledge.currency, language)}</td>
                    <td className="number">{formatMoney(pledge.amountUsd, 'USD', language)}</td>
                    <td>{earmark(pledge.earmark)}</td>
                    <td className="number">{formatMoney(pledge.received, pledge.currency, language)}</td>
                    <td className="number">{formatMoney(pledge.outstanding, pledge.currency, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h2>{t('fund.statement.receipts')}</h2>
          {data.receipts.length === 0 ? (
            <p>{t('fund.statement.noReceipts')}</p>
          ) : (
            <table className="data-table" data-testid="statement-receipts">
              <thead>
                <tr>
                  <th scope="col">{t('fund.field.valueDate')}</th>
                  <th scope="col">{t('fund.statement.amount')}</th>
                  <th scope="col">{t('fund.field.exchangeRateShort')}</th>
                  <th scope="col">{t('fund.figure.usd')}</th>
                  <th scope="col">{t('fund.field.earmark')}</th>
                  <th scope="col">{t('fund.field.bankReference')}</th>
                </tr>
              </thead>
              <tbody>
                {data.receipts.map((receipt) => (
                  <tr key={receipt.movementId} data-testid="statement-receipt" className={receipt.reversed ? 'reversed' : undefined}>
                    <td>
                      {formatDate(receipt.valueDate, language)}
                      {receipt.reversed && <span className="badge badge-warning"> {t('fund.statement.reversed')}</span>}
                    </td>
                    <td className="number">{formatMoney(receipt.amount, receipt.currency, language)}</td>
                    <td className="number">{formatRate(receipt.exchangeRate, language)}</td>
                    <td className="number">{formatMoney(receipt.amountUsd, 'USD', language)}</td>
                    <td>{earmark(receipt.earmark)}</td>
                    <td>{receipt.bankReference}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>{t('fund.statement.uses')}</h2>
          {data.attributionRule && <p data-testid="statement-rule">{data.attributionRule}</p>}
          {(data.uses ?? []).length === 0 ? (
            <p>{t('fund.statement.noUses')}</p>
          ) : (
            <table className="data-table" data-testid="statement-uses">
              <thead>
                <tr>
                  <th scope="col">{t('fund.field.valueDate')}</th>
                  <th scope="col">{t('fund.field.allocation')}</th>
                  <th scope="col">{t('fund.field.source')}</th>
                  <th scope="col">{t('fund.field.budgetLine')}</th>
                  <th scope="col">{t('fund.field.beneficiaryRegion')}</th>
                  <th scope="col">{t('fund.field.beneficiaryIncomeGroup')}</th>
                  <th scope="col">{t('fund.statement.share')}</th>
                  <th scope="col">{t('fund.statement.partAllocated')}</th>
                  <th scope="col">{t('fund.statement.partSpent')}</th>
                </tr>
              </thead>
              <tbody>
                {(data.uses ?? []).map((use) => (
                  <tr key={use.allocationId} data-testid="statement-use">
                    <td>{formatDate(use.valueDate, language)}</td>
                    <td className="number">{use.allocationId}</td>
                    <td>{earmark(use.pool)}</td>
                    <td>{use.budgetLineId ?? '—'}</td>
                    <td>{use.beneficiaryRegion ?? t('fund.field.notStated')}</td>
                    <td>{use.beneficiaryIncomeGroup ?? t('fund.field.notStated')}</td>
                    <td className="number">{formatPercent(use.share, language)}</td>
                    <td className="number">{formatMoney(use.allocatedUsd, 'USD', language)}</td>
                    <td className="number">{formatMoney(use.spentUsd, 'USD', language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={data.page} size={data.size} total={Math.max(data.pledgesTotal, data.receiptsTotal, data.usesTotal)} onPage={setPage} />
        </article>
      )}
    </Loaded>
  )
}

/** An earmark in words: "Region: AFRICA", "Budget line 12", "Not earmarked". */
function useEarmarkText(): (earmark: Earmark) => string {
  const { t } = useTranslation()
  return (earmark) => {
    const detail = earmark.budgetLineId ?? earmark.clusterId ?? earmark.region
    return detail == null ? t(`fund.earmark.${earmark.kind}`) : `${t(`fund.earmark.${earmark.kind}`)}: ${detail}`
  }
}

/** Downloads the statement as CSV (the same address, asked for as text/csv). */
function CsvButton({ fundId, donorId }: { fundId: number; donorId: number }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)

  async function download() {
    setBusy(true)
    setError(undefined)
    try {
      const csv = await api
        .GET('/api/funds/{fundId}/donors/{donorId}/statement', {
          params: { path: { fundId, donorId } },
          headers: { Accept: 'text/csv' },
          parseAs: 'blob',
        })
        .then(unwrap)
      saveFile(csv as Blob, `statement-fund-${fundId}-donor-${donorId}.csv`)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="actions">
      <button type="button" onClick={() => void download()} disabled={busy} data-testid="statement-csv">
        {t('fund.statement.csv')}
      </button>
      {error !== undefined && <ProblemMessage error={error} />}
    </div>
  )
}

export type { DonorStatement }
