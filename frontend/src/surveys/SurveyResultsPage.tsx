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

      <ChartAndTable
        name="topics"
        title={t('surveys.results.topicsTitle')}
        chartLabel={t('surveys.results.topicsChart')}
        horizontal
        rowHeader={t('surveys.results.topic')}
        columns={[
          { header: t('surveys.results.votes'), testId: 'topic-votes' },
          { header: t('surveys.results.volunteers'), testId: 'topic-volunteers' },
        ]}
        rows={results.topics.map((count) => ({ key: count.topic, label: topicName(count.topic), values: [count.votes, count.willingToCoordinate] }))}
        language={language}
      />
      <ChartAndTable
        name="groups"
        title={t('surveys.results.groupsTitle')}
        chartLabel={t('surveys.results.groupsChart')}
        rowHeader={t('surveys.results.group')}
        columns={[
          { header: t('surveys.results.votes'), testId: 'group-votes' },
          { header: t('surveys.results.groupCities'), testId: 'group-cities' },
        ]}
        rows={results.groups.map((count) => ({ key: count.group, label: groupName(count.group), values: [count.votes, count.cities] }))}
        language={language}
      />
      <ChartAndTable
        name="regions"
        title={t('surveys.results.regionsTitle')}
        chartLabel={t('surveys.results.regionsChart')}
        rowHeader={t('clusters.balance.region')}
        columns={[{ header: t('surveys.results.respondents'), testId: 'region-respondents' }]}
        rows={results.regions.map((count) => ({ key: count.region, label: regionName(count.region), values: [count.respondents] }))}
        language={language}
      />

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

/**
 * A bar chart of the first column's figures, then a table with every figure of the rows (the
 * chart is for the eye; screen readers and copying go to the table).
 */
function ChartAndTable(props: {
  name: 'topics' | 'groups' | 'regions'
  title: string
  chartLabel: string
  horizontal?: boolean
  rowHeader: string
  columns: { header: string; testId: string }[]
  rows: { key: string | number; label: string; values: number[] }[]
  language: Language
}) {
  const { name, rows, horizontal } = props
  const titleId = `survey-${name}-title`
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{props.title}</h2>
      <FundChart
        label={props.chartLabel}
        testId={`survey-${name}-chart`}
        config={{
          type: 'bar',
          data: {
            labels: rows.map((row) => row.label),
            datasets: [{ label: props.columns[0].header, data: rows.map((row) => row.values[0]), backgroundColor: COLOURS[0] }],
          },
          options: {
            indexAxis: horizontal ? 'y' : 'x',
            plugins: { legend: { display: false } },
            scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
          },
        }}
      />
      <table className="data-table" data-testid={`survey-${name}-table`}>
        <caption className="visually-hidden">{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{props.rowHeader}</th>
            {props.columns.map((column) => (
              <th key={column.testId} scope="col" className="number">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={`survey-${name}-row`} data-key={row.key}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, index) => (
                <td key={props.columns[index].testId} className="number" data-testid={props.columns[index].testId}>
                  {formatNumber(value, props.language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
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
