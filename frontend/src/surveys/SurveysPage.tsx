import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap } from '../api/client'
import { chosenTerm, localized, useTerms, type ClusterTerm } from '../clusters/clustersApi'
import { TermSelect } from '../clusters/TermSelect'
import { formatDate } from '../components/format'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { useMyCities } from '../members/useMyCities'

/** A term's surveys, open and closed: results for everyone, the answer form for a focal point while one is open. */
export function SurveysPage() {
  const { t } = useTranslation()
  const [search, setSearch] = useSearchParams()
  const terms = useTerms()
  return (
    <>
      <p>
        <Link to="/clusters">{t('clusters.back')}</Link>
      </p>
      <h1>{t('surveys.title')}</h1>
      <p>{t('surveys.intro')}</p>
      <Loaded state={terms} isEmpty={(items) => items.length === 0} empty={t('clusters.noTerms')}>
        {(items) => {
          const term = chosenTerm(items, search.get('term'))!
          return (
            <>
              <TermSelect terms={items} term={term} onChange={(termId) => setSearch({ term: String(termId) })} />
              <TermSurveys key={term.id} term={term} />
            </>
          )
        }}
      </Loaded>
    </>
  )
}

function TermSurveys({ term }: { term: ClusterTerm }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const isFocalPoint = useMyCities().length > 0
  const surveys = useLoad(
    (signal) => api.GET('/api/surveys', { params: { query: { termId: term.id, size: 100 } }, signal }).then(unwrap),
    [term.id],
  )
  return (
    <Loaded state={surveys} isEmpty={(data) => data.items.length === 0} empty={t('surveys.none')}>
      {(data) => (
        <table className="data-table" data-testid="surveys-table">
          <thead>
            <tr>
              <th scope="col">{t('surveys.column.title')}</th>
              <th scope="col">{t('surveys.column.dates')}</th>
              <th scope="col">{t('surveys.column.status')}</th>
              <th scope="col">{t('surveys.column.links')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((survey) => (
              <tr key={survey.id} data-testid="survey-row" data-survey-id={survey.id}>
                <td>{localized(survey.title, language)}</td>
                <td>
                  {formatDate(survey.opensOn, language)} – {formatDate(survey.closesOn, language)}
                </td>
                <td data-testid="survey-status">{t(`surveys.status.${survey.status}`)}</td>
                <td className="row-actions">
                  {isFocalPoint && survey.status === 'OPEN' && (
                    <Link to={`/surveys/${survey.id}/answer`} data-testid="survey-answer-link">
                      {t('surveys.answerLink')}
                    </Link>
                  )}{' '}
                  <Link to={`/surveys/${survey.id}/results`} data-testid="survey-results-link">
                    {t('surveys.resultsLink')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Loaded>
  )
}
