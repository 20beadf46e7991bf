import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, unwrap, unwrapVersioned, type Schemas, type Versioned } from '../api/client'
import { ApiProblem } from '../api/problem'
import { localized } from '../clusters/clustersApi'
import { Field, FieldErrors } from '../components/Field'
import { formatDate, formatDateTime } from '../components/format'
import { text, values } from '../components/formData'
import { Loaded } from '../components/Loaded'
import { RequireLogin } from '../components/LoginPrompt'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad } from '../components/useLoad'
import { useTopics } from '../components/useReference'
import { currentLanguage, type Language } from '../i18n'
import { NotFoundPage } from '../pages/NotFoundPage'
import { isSurveyClosed, QUESTIONNAIRE_ITEMS, type Survey, type SurveyAnswer, type SurveyAnswerInput } from './surveysApi'

/** A focal point answers a survey for their own city (choosing it when they look after several), or changes the answer. */
export function SurveyAnswerPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const surveyId = Number(useParams().id)
  const survey = useLoad((signal) => api.GET('/api/surveys/{surveyId}', { params: { path: { surveyId } }, signal }).then(unwrap), [surveyId])
  if (!Number.isInteger(surveyId) || surveyId <= 0) return <NotFoundPage />

  return (
    <Loaded state={survey}>
      {(data) => (
        <article data-testid="survey-answer-page">
          <p>
            <Link to={`/surveys?term=${data.termId}`}>{t('surveys.back')}</Link>
          </p>
          <h1>{localized(data.title, language)}</h1>
          <p className="subtitle">
            {t('surveys.dates', { opens: formatDate(data.opensOn, language), closes: formatDate(data.closesOn, language) })} ·{' '}
            {t(`surveys.status.${data.status}`)}
          </p>
          {data.status !== 'OPEN' && (
            <p className="notice" role="note" data-testid="survey-not-open">
              {t('surveys.answer.notOpen')}
            </p>
          )}
          <RequireLogin reason={t('surveys.answer.loginReason')}>
            <MyCityAnswer survey={data} language={language} />
          </RequireLogin>
        </article>
      )}
    </Loaded>
  )
}

function MyCityAnswer({ survey, language }: { survey: Survey; language: Language }) {
  const { t } = useTranslation()
  const cities = useLoad((signal) => api.GET('/api/me/cities', { signal }).then(unwrap).then((list) => list.items), [])
  const [chosen, setChosen] = useState<number>()
  return (
    <Loaded state={cities} isEmpty={(items) => items.length === 0} empty={t('surveys.answer.noCity')}>
      {(items) => {
        const city = items.find((item) => item.id === chosen) ?? items[0]
        return (
          <>
            {items.length > 1 && (
              <div className="field">
                <label htmlFor="survey-city">{t('surveys.answer.city')}</label>
                <select id="survey-city" value={city.id} onChange={(event) => setChosen(Number(event.target.value))} data-testid="survey-city">
                  {items.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.name} ({item.country.name})
                    </option>
                  ))}
                </select>
              </div>
            )}
            <CityAnswer key={city.id} survey={survey} city={city} language={language} />
          </>
        )
      }}
    </Loaded>
  )
}

/**
 * The city's answer so far (none yet: a 404), then the form. The form waits for the topics: a
 * save before they arrive would send no topics and erase the city's choice.
 */
function CityAnswer({ survey, city, language }: { survey: Survey; city: Schemas['MemberSummary']; language: Language }) {
  const [reloads, setReloads] = useState(0)
  const topics = useTopics(language)
  const answer = useLoad(
    (signal) =>
      api
        .GET('/api/surveys/{surveyId}/answers/{memberId}', { params: { path: { surveyId: survey.id, memberId: city.id } }, signal })
        .then(unwrapVersioned)
        .catch((error: unknown) => {
          if (error instanceof ApiProblem && error.status === 404) return null // not answered yet
          throw error
        }),
    [survey.id, city.id, reloads],
  )
  return (
    <Loaded state={topics}>
      {(topicList) => (
        <Loaded state={answer}>
          {(existing) => (
            <AnswerForm
              key={reloads}
              survey={survey}
              city={city}
              topics={topicList}
              existing={existing}
              language={language}
              onReload={() => setReloads((n) => n + 1)}
            />
          )}
        </Loaded>
      )}
    </Loaded>
  )
}

function AnswerForm(props: {
  survey: Survey
  city: Schemas['MemberSummary']
  topics: Schemas['Topic'][]
  existing: Versioned<SurveyAnswer> | null
  language: Language
  onReload: () => void
}) {
  const { t } = useTranslation()
  const { survey, city, topics, language } = props
  const clusters = useLoad(
    (signal) => api.GET('/api/clusters', { params: { query: { size: 100 } }, signal }).then(unwrap).then((list) => list.items),
    [],
  )
  const [stored, setStored] = useState(props.existing)
  const answer = stored?.data
  const [willing, setWilling] = useState(answer?.willingToCoordinate ?? false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>()
  const [saved, setSaved] = useState(false)

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const numbers = (name: string) => values(form, name).map(Number)
    const body: SurveyAnswerInput = {
      primaryTopics: numbers('primaryTopics'),
      willingToCoordinate: willing,
      // Only a willing city names what it would coordinate (the API refuses it otherwise).
      coordinateTopics: willing ? numbers('coordinateTopics') : [],
      coordinateClusterIds: willing ? numbers('coordinateClusterIds') : [],
      questionnaire: {
        hostExpertsMeeting: form.has('questionnaire.hostExpertsMeeting'),
        hostExchangeActivities: form.has('questionnaire.hostExchangeActivities'),
        capacityBuildingWorkshop: form.has('questionnaire.capacityBuildingWorkshop'),
        researchCaseStudies: form.has('questionnaire.researchCaseStudies'),
        financialContribution: form.has('questionnaire.financialContribution'),
        other: text(form, 'questionnaire.other'),
      },
    }
    setSaving(true)
    setError(undefined)
    setSaved(false)
    try {
      const header = stored ? { 'If-Match': stored.etag } : {}
      const written = await api
        .PUT('/api/surveys/{surveyId}/answers/{memberId}', {
          params: { path: { surveyId: survey.id, memberId: city.id }, header },
          body,
        })
        .then(unwrapVersioned)
      setStored(written)
      setSaved(true)
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="edit-form" onSubmit={save} noValidate data-testid="survey-answer-form">
      <h2>{t('surveys.answer.title', { city: city.name })}</h2>
      {answer ? (
        <p className="muted" data-testid="survey-answer-state">
          {t('surveys.answer.lastSaved', { date: formatDateTime(answer.updatedAt, language), user: answer.recordedBy })}
        </p>
      ) : (
        <p className="muted" data-testid="survey-answer-state">
          {t('surveys.answer.notYet')}
        </p>
      )}
      <FieldErrors error={error}>
        <Field name="primaryTopics" label={t('surveys.answer.primaryTopics')} hint={t('surveys.answer.primaryTopicsHint')} group required>
          {() => <TopicChecks name="primaryTopics" topics={topics} checked={answer?.primaryTopics} testId="primary-topic" />}
        </Field>
        <Field name="willingToCoordinate" label={t('surveys.answer.coordinate')} group>
          {() => (
            <label>
              <input type="checkbox" checked={willing} onChange={(event) => setWilling(event.target.checked)} data-testid="willing-to-coordinate" />{' '}
              {t('surveys.answer.willing', { city: city.name })}
            </label>
          )}
        </Field>
        {willing && (
          <>
            <Field name="coordinateTopics" label={t('surveys.answer.coordinateTopics')} group>
              {() => <TopicChecks name="coordinateTopics" topics={topics} checked={answer?.coordinateTopics} testId="coordinate-topic" />}
            </Field>
            <Field name="coordinateClusterIds" label={t('surveys.answer.coordinateClusters')} group>
              {() => (
                <>
                  {/* Until the clusters arrive, the ones named before travel unchanged (not erased). */}
                  {clusters.status !== 'loaded' &&
                    answer?.coordinateClusterIds.map((id) => <input key={id} type="hidden" name="coordinateClusterIds" value={id} />)}
                  <Loaded state={clusters} isEmpty={(items) => items.length === 0} empty={t('clusters.none')}>
                    {(items) => (
                      <div className="checkbox-list">
                        {items.map((cluster) => (
                          <label key={cluster.id}>
                            <input
                              type="checkbox"
                              name="coordinateClusterIds"
                              value={cluster.id}
                              defaultChecked={answer?.coordinateClusterIds.includes(cluster.id)}
                              data-testid={`coordinate-cluster-${cluster.id}`}
                            />{' '}
                            {localized(cluster.name, language)}
                          </label>
                        ))}
                      </div>
                    )}
                  </Loaded>
                </>
              )}
            </Field>
          </>
        )}
        <Field name="questionnaire" label={t('surveys.answer.questionnaire')} hint={t('surveys.answer.questionnaireHint')} group>
          {() => (
            <ul className="plain-list">
              {QUESTIONNAIRE_ITEMS.map((item) => (
                <li key={item}>
                  <label>
                    <input
                      type="checkbox"
                      name={`questionnaire.${item}`}
                      value="true"
                      defaultChecked={answer?.questionnaire[item]}
                      data-testid={`questionnaire-${item}`}
                    />{' '}
                    {t(`surveys.questionnaire.${item}`)}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </Field>
        <Field name="questionnaire.other" label={t('surveys.questionnaire.other')} hint={t('surveys.answer.otherHint')}>
          {(control) => <textarea {...control} rows={3} maxLength={2000} defaultValue={answer?.questionnaire.other ?? ''} data-testid="questionnaire-other" />}
        </Field>
      </FieldErrors>
      <AnswerProblem error={error} onReload={props.onReload} />
      {saved && (
        <p role="status" className="notice" data-testid="survey-answer-saved">
          {t('surveys.answer.saved', { city: city.name })}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={saving} data-testid="survey-answer-save">
          {saving ? t('edit.saving') : t('surveys.answer.save')}
        </button>
      </div>
    </form>
  )
}

/** A checkbox per topic, sent as the list of the ticked topics' numbers. */
function TopicChecks(props: { name: string; topics: Schemas['Topic'][]; checked?: number[]; testId: string }) {
  return (
    <div className="checkbox-list">
      {props.topics.map((topic) => (
        <label key={topic.number}>
          <input
            type="checkbox"
            name={props.name}
            value={topic.number}
            defaultChecked={props.checked?.includes(topic.number)}
            data-testid={`${props.testId}-${topic.number}`}
          />{' '}
          {topic.name}
        </label>
      ))}
    </div>
  )
}

/** A closed survey is said in words (with the server's dates); anything else is the usual save problem. */
function AnswerProblem({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation()
  if (!isSurveyClosed(error)) return <SaveProblem error={error} onReload={onReload} />
  return (
    <div role="alert" className="problem" data-testid="survey-closed">
      <p>
        <strong>{t('surveys.answer.closed')}</strong>
        {error.detail && <> {error.detail}</>}
      </p>
    </div>
  )
}
