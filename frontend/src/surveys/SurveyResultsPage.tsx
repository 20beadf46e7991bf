import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, unwrap } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { localized } from '../clusters/clustersApi'
import { formatDate, formatNumber } from '../components/format'
import { Loaded } from '../components/Loaded'
import { ProblemMessage } from '../components/ProblemMessage'
import { saveFile } from '../components/saveFile'
import { useLoad } from '../components/useLoad'
import { itemsOf, useRegions, useTopics } from '../components/useReference'
import { COLOURS, FundChart } from '../fund/FundChart'
import { currentLanguage, type Language } from '../i18n'
import { NotFoundPage } from '../pages/NotFoundPage'
import { QUESTIONNAIRE_COUNTS, type Survey, type SurveyResults } from './surveysApi'

/**
 * A survey's results as the strategy reports them: who answered (cities, countries, regions),
 * votes per topic and per topic group, the cities willing to coordinate, and the questionnaire.
 * Every chart has a table with the same figures beside it, for screen readers and for copying.
 */
export function SurveyResultsPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const surveyId = Number(useParams().id)
  const survey = useLoad((signal) => api.GET('/api/surveys/{surveyId}', { params: { path: { surveyId } }, signal }).then(unwrap), [surveyId])
  const results = useLoad(
    (signal) =>
      api
        .GET('/api/surveys/{surveyId}/results', { params: { path: { surveyId } }, headers: { Accept: 'application/json' }, signal })
        .then((result) => unwrap(result) as SurveyResults),
    [surveyId],
  )
  if (!Number.isInteger(surveyId) || surveyId <= 0) return <NotFoundPage />

  return (
    <Loaded state={survey}>
      {(data) => (
        <article data-testid="survey-results-page">
          <p>
            <Link to={`/surveys?term=${data.termId}`}>{t('surveys.back')}</Link>
          </p>
          <h1>{t('surveys.results.title', { survey: localized(data.title, language) })}</h1>
          <p className="subtitle">
            {t('surveys.dates', { opens: formatDate(data.opensOn, language), closes: formatDate(data.closesOn, language) })} ·{' '}
            {t(`surveys.status.${data.status}`)}
          </p>
          <CsvDownloads survey={data} />
          <Loaded state={results}>{(figures) => <Results results={figures} language={language} />}</Loaded>
        </article>
      )}
    </Loaded>
  )
}

function Results({ results, language }: { results: SurveyResults; language: Language }) {
  const { t } = useTranslation()
  const topics = itemsOf(useTopics(language))
  const regions = itemsOf(useRegions(language))
  const groups = useLoad(
    (signal) =>
      api.GET('/api/reference/topic-groups', { params: { query: { lang: language } }, signal }).then(unwrap).then((list) => list.items),
    [language],
  )
  const groupList = groups.status === 'loaded' ? groups.data : []
  const number = (value: number) => formatNumber(value, language)
  const topicName = (topic: number) => topics.find((known) => known.number === topic)?.name ?? t('surveys.results.topicNumber', { number: topic })
  const groupName = (group: number) => groupList.find((known) => known.number === group)?.name ?? t('surveys.results.groupNumber', { number: group })
  const regionName = (code: string) => regions.find((region) => region.code === code)?.name ?? code

  if (results.respondents === 0) {
    return <p data-testid="survey-no-answers">{t('surveys.results.noAnswers')}</p>
  }
  return (
    <>
      <dl className="facts" data-testid="survey-summary">
        <dt>{t('surveys.results.respondents')}</dt>
        <dd data-testid="survey-respondents">{number(results.respondents)}</dd>
        <dt>{t('surveys.results.countries')}</dt>
        <dd data-testid="survey-countries">{number(results.countries)}</dd>
        <dt>{t('surveys.results.regionsCovered')}</dt>
        <dd data-testid="survey-regions-covered">{number(results.regionsCovered)}</dd>
        <dt>{t('surveys.results.willingToCoordinate')}</dt>
        <dd data-testid="survey-willing">{number(results.willingToCoordinate)}</dd>
      </dl>

      <section aria-labelledby="survey-topics-title">
        <h2 id="survey-topics-title">{t('surveys.results.topicsTitle')}</h2>
        <BarChart
          labels={results.topics.map((count) => topicName(count.topic))}
          values={results.topics.map((count) => count.votes)}
          series={t('surveys.results.votes')}
          label={t('surveys.results.topicsChart')}
          testId="survey-topics-chart"
          horizontal
        />
        <table className="data-table" data-testid="survey-topics-table">
          <caption className="visually-hidden">{t('surveys.results.topicsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.results.topic')}</th>
              <th scope="col" className="number">
                {t('surveys.results.votes')}
              </th>
              <th scope="col" className="number">
                {t('surveys.results.volunteers')}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.topics.map((count) => (
              <tr key={count.topic} data-testid="survey-topic-row" data-topic={count.topic}>
                <th scope="row">{topicName(count.topic)}</th>
                <td className="number" data-testid="topic-votes">
                  {number(count.votes)}
                </td>
                <td className="number" data-testid="topic-volunteers">
                  {number(count.willingToCoordinate)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="survey-groups-title">
        <h2 id="survey-groups-title">{t('surveys.results.groupsTitle')}</h2>
        <BarChart
          labels={results.groups.map((count) => groupName(count.group))}
          values={results.groups.map((count) => count.votes)}
          series={t('surveys.results.votes')}
          label={t('surveys.results.groupsChart')}
          testId="survey-groups-chart"
        />
        <table className="data-table" data-testid="survey-groups-table">
          <caption className="visually-hidden">{t('surveys.results.groupsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.results.group')}</th>
              <th scope="col" className="number">
                {t('surveys.results.votes')}
              </th>
              <th scope="col" className="number">
                {t('surveys.results.groupCities')}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.groups.map((count) => (
              <tr key={count.group} data-testid="survey-group-row" data-group={count.group}>
                <th scope="row">{groupName(count.group)}</th>
                <td className="number" data-testid="group-votes">
                  {number(count.votes)}
                </td>
                <td className="number" data-testid="group-cities">
                  {number(count.cities)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="survey-regions-title">
        <h2 id="survey-regions-title">{t('surveys.results.regionsTitle')}</h2>
        <BarChart
          labels={results.regions.map((count) => regionName(count.region))}
          values={results.regions.map((count) => count.respondents)}
          series={t('surveys.results.respondents')}
          label={t('surveys.results.regionsChart')}
          testId="survey-regions-chart"
        />
        <table className="data-table" data-testid="survey-regions-table">
          <caption className="visually-hidden">{t('surveys.results.regionsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('clusters.balance.region')}</th>
              <th scope="col" className="number">
                {t('surveys.results.respondents')}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.regions.map((count) => (
              <tr key={count.region} data-testid="survey-region-row" data-region={count.region}>
                <th scope="row">{regionName(count.region)}</th>
                <td className="number" data-testid="region-respondents">
                  {number(count.respondents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="survey-clusters-title">
        <h2 id="survey-clusters-title">{t('surveys.results.clustersTitle')}</h2>
        <p>{t('surveys.results.clustersIntro')}</p>
        {results.clusters.length === 0 ? (
          <p>{t('clusters.none')}</p>
        ) : (
          <table className="data-table" data-testid="survey-clusters-table">
            <thead>
              <tr>
                <th scope="col">{t('clusters.column.name')}</th>
                <th scope="col" className="number">
                  {t('surveys.results.volunteers')}
                </th>
              </tr>
            </thead>
            <tbody>
              {results.clusters.map((count) => (
                <tr key={count.clusterId} data-testid="survey-cluster-row" data-cluster-id={count.clusterId}>
                  <th scope="row">
                    <Link to={`/clusters/${count.clusterId}`}>{localized(count.name, language)}</Link>
                  </th>
                  <td className="number">{number(count.willingToCoordinate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="survey-questionnaire-title">
        <h2 id="survey-questionnaire-title">{t('surveys.results.questionnaireTitle')}</h2>
        <table className="data-table" data-testid="survey-questionnaire-table">
          <thead>
            <tr>
              <th scope="col">{t('surveys.results.item')}</th>
              <th scope="col" className="number">
                {t('surveys.results.cities')}
              </th>
            </tr>
          </thead>
          <tbody>
            {QUESTIONNAIRE_COUNTS.map((item) => (
              <tr key={item} data-testid="survey-questionnaire-row" data-item={item}>
                <th scope="row">{t(`surveys.questionnaire.${item}`)}</th>
                <td className="number">{number(results.questionnaire[item])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  )
}

/** One series of bars; the figures are also in the table that follows it. */
function BarChart(props: { labels: string[]; values: number[]; series: string; label: string; testId: string; horizontal?: boolean }) {
  return (
    <FundChart
      label={props.label}
      testId={props.testId}
      config={{
        type: 'bar',
        data: { labels: props.labels, datasets: [{ label: props.series, data: props.values, backgroundColor: COLOURS[0] }] },
        options: {
          indexAxis: props.horizontal ? 'y' : 'x',
          plugins: { legend: { display: false } },
          scales: { [props.horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      }}
    />
  )
}

/** The results as CSV for everyone; the raw answers (every city's) for the secretariat. */
function CsvDownloads({ survey }: { survey: Survey }) {
  const { t } = useTranslation()
  const isSecretariat = useHasRole('secretariat')
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const path = { surveyId: survey.id }

  async function download(kind: 'results' | 'answers') {
    setBusy(true)
    setError(undefined)
    try {
      const options = { params: { path }, headers: { Accept: 'text/csv' }, parseAs: 'blob' as const }
      const csv =
        kind === 'results'
          ? await api.GET('/api/surveys/{surveyId}/results', options).then(unwrap)
          : await api.GET('/api/surveys/{surveyId}/answers', options).then(unwrap)
      saveFile(csv as unknown as Blob, `survey-${survey.id}-${kind}.csv`)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="actions">
      <button type="button" disabled={busy} onClick={() => void download('results')} data-testid="survey-results-csv">
        {t('surveys.results.csv')}
      </button>
      {isSecretariat && (
        <button type="button" disabled={busy} onClick={() => void download('answers')} data-testid="survey-answers-csv">
          {t('surveys.results.answersCsv')}
        </button>
      )}
      {error !== undefined && <ProblemMessage error={error} />}
    </div>
  )
}
