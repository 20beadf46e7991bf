import type { ChartConfiguration } from 'chart.js'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { api, unwrap } from '../api/client'
import { formatDate } from '../components/format'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { currentLanguage, type Language } from '../i18n'
import { COLOURS, FundChart } from './FundChart'
import type { Fund, FundSummary } from './fundApi'
import { chartValue, formatMoney, formatPercent, subtractUsd } from './money'
import { useCanManageFund } from './roles'
import { useMyDonors } from './useMyDonors'

/** The fund's public page: progress to target, donors by type, allocations by budget line and region. */
export function FundPage({ fundId }: { fundId: number }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const canManage = useCanManageFund()
  const state = useLoad(
    async (signal) => {
      const path = { fundId }
      const [fund, summary] = await Promise.all([
        api.GET('/api/funds/{fundId}', { params: { path }, signal }).then(unwrap),
        api.GET('/api/funds/{fundId}/summary', { params: { path }, signal }).then(unwrap),
      ])
      return { fund, summary }
    },
    [fundId],
  )

  return (
    <>
      <Loaded state={state}>
        {({ fund, summary }) => (
          <article data-testid="fund-page">
            <h1 data-testid="fund-name">{summary.name}</h1>
            <p className="subtitle">
              {t('fund.term', { code: summary.code, from: formatDate(fund.startsOn, language), to: formatDate(fund.endsOn, language) })}
            </p>
            {canManage && <FundLinks fundId={fundId} />}
            <MyStatements fundId={fundId} />
            <Progress summary={summary} language={language} />
            <DonorTypes summary={summary} language={language} />
            <BudgetLines summary={summary} language={language} />
            <Regions summary={summary} language={language} />
            <AgentFee fund={fund} language={language} />
          </article>
        )}
      </Loaded>
      <FundChooser fundId={fundId} />
    </>
  )
}

export function FundLinks({ fundId }: { fundId: number }) {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('fund.links.label')} className="fund-links">
      <ul>
        <li>
          <Link to={`/fund/${fundId}`} data-testid="fund-link-summary">
            {t('fund.links.summary')}
          </Link>
        </li>
        <li>
          <Link to={`/fund/${fundId}/record`} data-testid="fund-link-record">
            {t('fund.links.record')}
          </Link>
        </li>
        <li>
          <Link to={`/fund/${fundId}/journal`} data-testid="fund-link-journal">
            {t('fund.links.journal')}
          </Link>
        </li>
        <li>
          <Link to={`/fund/${fundId}/trial-balance`} data-testid="fund-link-trial-balance">
            {t('fund.links.trialBalance')}
          </Link>
        </li>
        <li>
          <Link to="/fund/donors/new" data-testid="fund-link-new-donor">
            {t('fund.links.newDonor')}
          </Link>
        </li>
        <li>
          <Link to="/fund/new" data-testid="fund-link-new-fund">
            {t('fund.links.newFund')}
          </Link>
        </li>
      </ul>
    </nav>
  )
}

/** A donor's own statements, when the API says which donors are the user's. */
function MyStatements({ fundId }: { fundId: number }) {
  const { t } = useTranslation()
  const donors = useMyDonors()
  if (donors.length === 0) return null
  return (
    <section aria-labelledby="my-statements-title" className="notice">
      <h2 id="my-statements-title">{t('fund.myStatements')}</h2>
      <ul>
        {donors.map((donor) => (
          <li key={donor.id}>
            <Link to={`/fund/${fundId}/donors/${donor.id}/statement`} data-testid="my-statement-link">
              {donor.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}

type Props = { summary: FundSummary; language: Language }

function moneyAxis(language: Language) {
  return {
    ticks: { callback: (value: string | number) => formatMoney(String(value), 'USD', language) },
  }
}

function Progress({ summary, language }: Props) {
  const { t } = useTranslation()
  const rows: [string, string][] = [
    [t('fund.figure.target'), summary.target],
    [t('fund.figure.pledged'), summary.pledged],
    [t('fund.figure.received'), summary.received],
    [t('fund.figure.outstandingPledges'), summary.outstandingPledges],
    [t('fund.figure.allocated'), summary.allocated],
    [t('fund.figure.spent'), summary.spent],
    [t('fund.figure.available'), summary.available],
  ]
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: rows.map(([label]) => label),
      datasets: [{ label: t('fund.figure.usd'), data: rows.map(([, value]) => chartValue(value)), backgroundColor: COLOURS }],
    },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: moneyAxis(language) } },
  }
  return (
    <section aria-labelledby="fund-progress-title">
      <h2 id="fund-progress-title">{t('fund.progress.title')}</h2>
      <p className="fund-headline" data-testid="fund-percent">
        {t('fund.progress.headline', {
          percent: formatPercent(summary.percentOfTarget, language),
          received: formatMoney(summary.received, summary.currency, language),
          target: formatMoney(summary.target, summary.currency, language),
        })}
      </p>
      <meter min={0} max={100} value={Math.min(100, chartValue(summary.percentOfTarget))} aria-label={t('fund.progress.title')} />
      <FundChart config={config} label={t('fund.progress.chart')} testId="chart-progress" />
      <table className="data-table" data-testid="table-progress">
        <caption className="visually-hidden">{t('fund.progress.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fund.figure.figure')}</th>
            <th scope="col">{t('fund.figure.usd')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value], index) => (
            <tr key={label} data-testid={`figure-${FIGURE_IDS[index]}`}>
              <th scope="row">{label}</th>
              <td className="number">{formatMoney(value, summary.currency, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

const FIGURE_IDS = ['target', 'pledged', 'received', 'outstandingPledges', 'allocated', 'spent', 'available']

function DonorTypes({ summary, language }: Props) {
  const { t } = useTranslation()
  const rows = summary.receivedByDonorType
  const config: ChartConfiguration = {
    type: 'doughnut',
    data: {
      labels: rows.map((row) => t(`fund.donorType.${row.donorType}`)),
      datasets: [{ data: rows.map((row) => chartValue(row.received)), backgroundColor: COLOURS }],
    },
  }
  return (
    <section aria-labelledby="fund-donors-title">
      <h2 id="fund-donors-title">{t('fund.donors.title')}</h2>
      {rows.length === 0 ? (
        <p>{t('fund.donors.none')}</p>
      ) : (
        <>
          <FundChart config={config} label={t('fund.donors.chart')} testId="chart-donors" />
          <table className="data-table" data-testid="table-donors">
            <caption className="visually-hidden">{t('fund.donors.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fund.donors.type')}</th>
                <th scope="col">{t('fund.figure.received')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.donorType} data-testid={`donor-type-${row.donorType}`}>
                  <th scope="row">{t(`fund.donorType.${row.donorType}`)}</th>
                  <td className="number">{formatMoney(row.received, summary.currency, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}

function BudgetLines({ summary, language }: Props) {
  const { t } = useTranslation()
  const lines = summary.budgetLines
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: lines.map((line) => line.code),
      datasets: [
        { label: t('fund.figure.planned'), data: lines.map((line) => chartValue(line.planned)), backgroundColor: COLOURS[7] },
        { label: t('fund.figure.allocated'), data: lines.map((line) => chartValue(line.allocated)), backgroundColor: COLOURS[0] },
        { label: t('fund.figure.spent'), data: lines.map((line) => chartValue(line.spent)), backgroundColor: COLOURS[1] },
      ],
    },
    options: { scales: { y: moneyAxis(language) } },
  }
  return (
    <section aria-labelledby="fund-lines-title">
      <h2 id="fund-lines-title">{t('fund.lines.title')}</h2>
      {lines.length > 0 && <FundChart config={config} label={t('fund.lines.chart')} testId="chart-lines" />}
      <table className="data-table" data-testid="table-lines">
        <caption className="visually-hidden">{t('fund.lines.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fund.lines.line')}</th>
            <th scope="col">{t('fund.figure.planned')}</th>
            <th scope="col">{t('fund.figure.allocated')}</th>
            <th scope="col">{t('fund.figure.spent')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.budgetLineId} data-testid="budget-line-row">
              <th scope="row">
                {line.code} {line.name}
              </th>
              <td className="number">{formatMoney(line.planned, summary.currency, language)}</td>
              <td className="number">{formatMoney(line.allocated, summary.currency, language)}</td>
              <td className="number">{formatMoney(line.spent, summary.currency, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function Regions({ summary, language }: Props) {
  const { t } = useTranslation()
  const rows = [
    {
      id: 'africa',
      label: t('fund.regions.africa'),
      part: summary.allocatedToAfrica,
      rest: subtractUsd(summary.allocated, summary.allocatedToAfrica),
      restLabel: t('fund.regions.elsewhere'),
      share: summary.shareToAfrica,
    },
    {
      id: 'low-income',
      label: t('fund.regions.lowIncome'),
      part: summary.allocatedToLowIncome,
      rest: subtractUsd(summary.allocated, summary.allocatedToLowIncome),
      restLabel: t('fund.regions.otherIncome'),
      share: summary.shareToLowIncome,
    },
  ]
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.label),
      datasets: [
        { label: t('fund.regions.reached'), data: rows.map((row) => chartValue(row.part)), backgroundColor: COLOURS[2] },
        { label: t('fund.regions.rest'), data: rows.map((row) => chartValue(row.rest)), backgroundColor: COLOURS[7] },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true, ...moneyAxis(language) }, y: { stacked: true } } },
  }
  return (
    <section aria-labelledby="fund-regions-title">
      <h2 id="fund-regions-title">{t('fund.regions.title')}</h2>
      <FundChart config={config} label={t('fund.regions.chart')} testId="chart-regions" />
      <table className="data-table" data-testid="table-regions">
        <caption className="visually-hidden">{t('fund.regions.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fund.regions.focus')}</th>
            <th scope="col">{t('fund.regions.reached')}</th>
            <th scope="col">{t('fund.regions.rest')}</th>
            <th scope="col">{t('fund.regions.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid={`share-${row.id}`}>
              <th scope="row">{row.label}</th>
              <td className="number">{formatMoney(row.part, summary.currency, language)}</td>
              <td className="number">
                {formatMoney(row.rest, summary.currency, language)} <span className="visually-hidden">({row.restLabel})</span>
              </td>
              <td className="number">{formatPercent(row.share, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" data-testid="income-editions">
        {summary.incomeGroupEditions.length > 0
          ? t('fund.regions.editions', { editions: summary.incomeGroupEditions.join(', ') })
          : t('fund.regions.noEditions')}
      </p>
    </section>
  )
}

/** The administrative agent's fee, when the fund sets one. */
function AgentFee({ fund, language }: { fund: Fund; language: Language }) {
  const { t } = useTranslation()
  if (fund.agentFeePercent == null) return null
  return (
    <p className="muted">
      {t('fund.agentFee', { percent: formatPercent(fund.agentFeePercent, language) })}
    </p>
  )
}

/** There is no list of funds in the API yet: a fund is opened by its number. */
/** Another fund to open, when there are several (funds newest term first, as the API lists them). */
function FundChooser({ fundId }: { fundId: number }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const funds = useLoad((signal) => api.GET('/api/funds', { params: { query: { size: 200 } }, signal }).then(unwrap), [])
  if (funds.status !== 'loaded') return null
  const items = funds.data.items
  const known = items.some((fund) => fund.id === fundId)
  if (items.length === 0 || (known && items.length === 1)) return null
  return (
    <form className="filters panel" aria-label={t('fund.chooser.label')} onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="fund-chooser">{t('fund.chooser.fund')}</label>
        <select id="fund-chooser" value={known ? String(fundId) : ''} onChange={(event) => event.target.value && navigate(`/fund/${event.target.value}`)} data-testid="fund-chooser">
          {!known && <option value="">—</option>}
          {items.map((fund) => (
            <option key={fund.id} value={fund.id}>
              {`${fund.code} — ${fund.name}`}
            </option>
          ))}
        </select>
      </div>
    </form>
  )
}
