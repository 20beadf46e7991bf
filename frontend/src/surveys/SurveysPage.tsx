import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { chosenTerm, localized, useTerms, type ClusterTerm } from '../clusters/clustersApi'
import { TermSelect } from '../clusters/TermSelect'
import { formatDate } from '../components/format'
import { Loaded } from '../components/Loaded'
import { useLoad, type LoadState } from '../components/useLoad'
import { currentLanguage, type Language } from '../i18n'
import { useMyCities } from '../members/useMyCities'
import { SurveyForm } from './SurveyForm'
import type { Survey } from './surveysApi'

/**
 * A term's surveys, open and closed: results for everyone, the answer form for a focal point while
 * one is open, and for the secretariat the forms to add a survey to the term and to change one.
 */
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

type Editing = { kind: 'add' } | { kind: 'edit'; survey: Survey }

function TermSurveys({ term }: { term: ClusterTerm }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const isFocalPoint = useMyCities().length > 0
  const isSecretariat = useHasRole('secretariat')
  const [reloads, setReloads] = useState(0)
  const [editing, setEditing] = useState<Editing | null>(null)
  const surveys = useLoad(
    (signal) => api.GET('/api/surveys', { params: { query: { termId: term.id, size: 100 } }, signal }).then(unwrap),
    [term.id, reloads],
  )
  return (
    <>
      {isSecretariat &&
        (editing ? (
          <SurveyForm
            key={editing.kind === 'edit' ? `${editing.survey.id}:${editing.survey.version}` : 'add'}
            term={term}
            survey={editing.kind === 'edit' ? editing.survey : undefined}
            onSaved={() => {
              setEditing(null)
              setReloads((n) => n + 1)
            }}
            onCancel={() => {
              setEditing(null)
              setReloads((n) => n + 1)
            }}
          />
        ) : (
          <p>
            <button type="button" onClick={() => setEditing({ kind: 'add' })} data-testid="survey-new">
              {t('surveys.form.newButton')}
            </button>
          </p>
        ))}
      <SurveyTable state={surveys} language={language} isFocalPoint={isFocalPoint} onEdit={isSecretariat ? (survey) => setEditing({ kind: 'edit', survey }) : undefined} />
    </>
  )
}

function SurveyTable(props: {
  state: LoadState<Schemas['SurveyList']>
  language: Language
  isFocalPoint: boolean
  onEdit?: (survey: Survey) => void
}) {
  const { t } = useTranslation()
  const { language, isFocalPoint } = props
  return (
    <Loaded state={props.state} isEmpty={(data) => data.items.length === 0} empty={t('surveys.none')}>
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
                  </Link>{' '}
                  {props.onEdit && (
                    <button type="button" onClick={() => props.onEdit!(survey)} data-testid="survey-edit">
                      {t('edit.edit')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Loaded>
  )
}
