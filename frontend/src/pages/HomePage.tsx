import { lazy, Suspense, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { formatDate, formatDateTime, formatNumber } from '../components/format'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { formatPercent, formatUsd, REGION_COLOURS } from '../home/homeFormat'
import { currentLanguage, type Language } from '../i18n'
import '../home/home.css'

// The home page is in the first chunk: the map (d3-geo, world outlines) and the chart (Chart.js)
// are chunks of their own, fetched after the figures show.
const NetworkMap = lazy(() => import('../home/NetworkMap'))
const AdmittedChart = lazy(() => import('../home/AdmittedChart'))

type Stats = Schemas['NetworkStats']

/** The public front door: the network at a glance, from one GET /api/stats (the map reads the city points). */
export function HomePage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const stats = useLoad(
    (signal) => api.GET('/api/stats', { params: { query: { lang: language } }, signal }).then(unwrap),
    [language],
  )
  return (
    <div className="home">
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <LibrarySearch />
      <Loaded state={stats}>{(data) => <Figures stats={data} language={language} />}</Loaded>
      <p>
        <Link to="/reference" data-testid="home-reference-link">
          {t('home.referenceLink')}
        </Link>
      </p>
    </div>
  )
}

function LibrarySearch() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [words, setWords] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const q = words.trim()
    navigate(q ? `/library?q=${encodeURIComponent(q)}` : '/library')
  }
  return (
    <form role="search" className="home-search" onSubmit={submit} aria-labelledby="home-search-heading">
      <h2 id="home-search-heading">{t('home.searchHeading')}</h2>
      <label htmlFor="home-search-words">{t('home.searchLabel')}</label>
      <div className="home-search-row">
        <input id="home-search-words" type="search" value={words} onChange={(e) => setWords(e.target.value)} data-testid="home-search" />
        <button type="submit" data-testid="home-search-button">
          {t('home.searchButton')}
        </button>
      </div>
    </form>
  )
}

function Figures({ stats, language }: { stats: Stats; language: Language }) {
  const { t } = useTranslation()
  return (
    <>
      <section aria-labelledby="home-figures">
        <h2 id="home-figures">{t('home.figures')}</h2>
        <ul className="home-figures">
          <li data-testid="stat-members">
            <strong>{formatNumber(stats.memberCities, language)}</strong> {t('home.memberCities')}
          </li>
          <li data-testid="stat-countries">
            <strong>{formatNumber(stats.countries, language)}</strong> {t('home.countries')}
          </li>
          <li data-testid="stat-regions">
            <strong>{formatNumber(stats.regions, language)}</strong> {t('home.regions')}
          </li>
        </ul>
        <p className="muted">{t('home.computedAt', { time: formatDateTime(stats.computedAt, language) })}</p>
      </section>

      <section aria-labelledby="home-map">
        <h2 id="home-map">{t('home.mapHeading')}</h2>
        <div className="home-map-layout">
          <Suspense fallback={<p role="status">{t('status.loading')}</p>}>
            <NetworkMap total={stats.memberCities} />
          </Suspense>
          <ul className="region-legend" aria-label={t('home.regionCounts')} data-testid="region-counts">
            {stats.byRegion.map((region) => (
              <li key={region.code} data-region={region.code} data-count={region.memberCities}>
                <span className="region-swatch" style={{ background: REGION_COLOURS[region.code] }} aria-hidden="true" />
                {region.name}: <strong>{formatNumber(region.memberCities, language)}</strong>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="home-admitted">
        <h2 id="home-admitted">{t('home.admittedHeading')}</h2>
        <Suspense fallback={<p role="status">{t('status.loading')}</p>}>
          <AdmittedChart years={stats.admittedPerYear} label={t('home.admittedChartLabel')} />
        </Suspense>
        <details className="home-table">
          <summary>{t('home.admittedHeading')}</summary>
          <table data-testid="admitted-table">
            <thead>
              <tr>
                <th scope="col">{t('home.year')}</th>
                <th scope="col">{t('home.cities')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.admittedPerYear.map((row) => (
                <tr key={row.year}>
                  <th scope="row">{row.year}</th>
                  <td>{formatNumber(row.memberCities, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section aria-labelledby="home-clusters">
        <h2 id="home-clusters">
          {t('home.clustersHeading')}
          {stats.term && <span className="muted"> · {t('home.term', { code: stats.term.code })}</span>}
        </h2>
        {stats.clusters.length === 0 ? (
          <p>{t('home.clustersNone')}</p>
        ) : (
          <ul className="home-cards" data-testid="home-clusters">
            {stats.clusters.map((cluster) => (
              <li key={cluster.id} className="home-card" data-cluster={cluster.id}>
                <h3>
                  <Link to={`/clusters/${cluster.id}`}>{cluster.name}</Link>
                </h3>
                <p>
                  <span className="muted">{t('home.topics')}: </span>
                  {cluster.topics.map((topic) => topic.name).join(' · ')}
                </p>
                <p>
                  <span className="muted">{t('home.coordinators')}: </span>
                  {cluster.coordinators.length === 0
                    ? t('home.noCoordinator')
                    : cluster.coordinators.map((city) => `${city.name} (${city.country})`).join(', ')}
                </p>
                <p className="muted">{t('home.taking', { count: cluster.memberCities })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="home-fund">
        <h2 id="home-fund">{t('home.fundHeading')}</h2>
        {stats.fund ? <FundProgress fund={stats.fund} language={language} /> : <p>{t('home.fundNone')}</p>}
      </section>

      <div className="home-columns">
        <section aria-labelledby="home-news">
          <h2 id="home-news">{t('home.newsHeading')}</h2>
          {stats.news.length === 0 ? (
            <p>{t('home.newsNone')}</p>
          ) : (
            <ul className="home-list" data-testid="home-news">
              {stats.news.map((item) => (
                <li key={item.id} lang={item.language}>
                  <Link to={`/clusters/${item.clusterId}`}>{item.title}</Link>
                  <br />
                  <span className="muted">
                    {formatDate(item.date, language)} · {item.clusterName}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="home-resources">
          <h2 id="home-resources">{t('home.resourcesHeading')}</h2>
          {stats.resources.length === 0 ? (
            <p>{t('home.resourcesNone')}</p>
          ) : (
            <ul className="home-list" data-testid="home-resources">
              {stats.resources.map((resource) => (
                <li key={resource.id}>
                  <Link to={`/library?q=${encodeURIComponent(resource.title)}`}>{resource.title}</Link>
                  {resource.publicationDate && (
                    <>
                      <br />
                      <span className="muted">{formatDate(resource.publicationDate, language)}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  )
}

function FundProgress({ fund, language }: { fund: NonNullable<Stats['fund']>; language: Language }) {
  const { t } = useTranslation()
  const percent = Math.min(100, Math.max(0, Number(fund.percentOfTarget)))
  return (
    <div data-testid="home-fund" data-fund={fund.fundId}>
      <p>
        <Link to={`/fund/${fund.fundId}`}>{fund.name}</Link>
      </p>
      <p data-testid="fund-progress">
        {t('home.fundProgress', { received: formatUsd(fund.received, language), target: formatUsd(fund.target, language) })} (
        {formatPercent(fund.percentOfTarget, language)})
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('home.fundProgressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-valuetext={formatPercent(fund.percentOfTarget, language)}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <ul className="home-list">
        <li data-testid="fund-africa">
          {t('home.africaShare', {
            amount: formatUsd(fund.allocatedToAfrica, language),
            percent: formatPercent(fund.shareToAfrica, language),
          })}
        </li>
        <li data-testid="fund-low-income">
          {t('home.lowIncomeShare', {
            amount: formatUsd(fund.allocatedToLowIncome, language),
            percent: formatPercent(fund.shareToLowIncome, language),
          })}
        </li>
      </ul>
    </div>
  )
}
