import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { Field, FieldErrors } from '../components/Field'
import { requiredText, text } from '../components/formData'
import { formatDateTime, formatNumber, today } from '../components/format'
import { Loaded } from '../components/Loaded'
import { RequireLogin } from '../components/LoginPrompt'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { StepTimeline } from './StepTimeline'

type Application = Schemas['Application']

/** One application: what was submitted and where it stands; the secretariat records the next step here. */
export function ApplicationDetailPage() {
  const { t } = useTranslation()
  return (
    <RequireLogin reason={t('myApplications.loginNeeded')}>
      <ApplicationDetail />
    </RequireLogin>
  )
}

function ApplicationDetail() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const applicationId = Number(useParams().id)
  const justSubmitted = (useLocation().state as { submitted?: boolean } | null)?.submitted
  const isSecretariat = useHasRole('secretariat')
  // A recorded step answers with the whole application: it replaces the loaded one.
  const [updated, setUpdated] = useState<Application>()
  const loaded = useLoad(
    (signal) => api.GET('/api/applications/{applicationId}', { params: { path: { applicationId } }, signal }).then(unwrap),
    [applicationId],
  )
  const state = updated ? { status: 'loaded' as const, data: updated } : loaded

  return (
    <Loaded state={state}>
      {(application) => (
        <article data-testid="application-page">
          <p>
            <Link to={isSecretariat ? '/applications' : '/my-applications'}>
              {isSecretariat ? t('queue.backToQueue') : t('myApplications.back')}
            </Link>
          </p>
          <h1>{t('application.title', { city: application.input.city })}</h1>
          {justSubmitted && !updated && (
            <p role="status" className="notice" data-testid="application-submitted">
              {t('apply.submitted')}
            </p>
          )}
          <p>
            {t('application.state')}{' '}
            <span className={`badge state-${application.state.toLowerCase()}`} data-testid="application-state">
              {t(`applicationState.${application.state}`)}
            </span>
            {application.memberId != null && (
              <>
                {' · '}
                <Link to={`/members/${application.memberId}`} data-testid="application-member-link">
                  {t('application.memberLink')}
                </Link>
              </>
            )}
          </p>
          <section aria-labelledby="application-steps-title">
            <h2 id="application-steps-title">{t('application.steps')}</h2>
            <StepTimeline application={application} />
          </section>
          {isSecretariat && <NextStep application={application} onRecorded={setUpdated} />}
          <ApplicationSummary application={application} language={language} />
        </article>
      )}
    </Loaded>
  )
}

function ApplicationSummary({ application, language }: { application: Application; language: ReturnType<typeof currentLanguage> }) {
  const { t } = useTranslation()
  const input = application.input
  const row = (label: string, value: ReactNode) =>
    value === null || value === undefined || value === '' ? null : (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    )
  return (
    <section aria-labelledby="application-input-title">
      <h2 id="application-input-title">{t('application.submittedData')}</h2>
      <dl className="facts">
        {row(t('apply.field.city'), input.city)}
        {row(t('apply.field.country'), input.country)}
        {row(t('apply.field.website'), input.website)}
        {row(t('application.mayor'), input.mayor.title ? `${input.mayor.name}, ${input.mayor.title}` : input.mayor.name)}
        {row(
          t('application.contact'),
          [input.contact.name, input.contact.role, input.contact.organisation, input.contact.email, input.contact.phone].filter(Boolean).join(' · '),
        )}
        {row(t('apply.field.languageOfCommunication'), t(`apply.language.${input.languageOfCommunication}`))}
        {row(t('apply.field.population'), formatNumber(input.population, language))}
        {row(t('apply.field.areaKm2'), formatNumber(input.areaKm2, language))}
        {row(t('apply.field.gdpPerCapitaCityUsd'), formatNumber(input.gdpPerCapitaCityUsd, language))}
        {row(t('apply.field.gdpPerCapitaCountryUsd'), formatNumber(input.gdpPerCapitaCountryUsd, language))}
        {row(t('apply.field.schoolingYearsMen'), formatNumber(input.schoolingYearsMen, language))}
        {row(t('apply.field.schoolingYearsWomen'), formatNumber(input.schoolingYearsWomen, language))}
        {row(t('application.submittedAt'), formatDateTime(application.submittedAt, language))}
        {row(t('application.applicant'), application.applicant)}
      </dl>
      <h3>{t('apply.field.motivation')}</h3>
      <p className="narrative">{input.motivation}</p>
      <h3>{t('apply.field.implementation')}</h3>
      <p className="narrative">{input.implementation}</p>
      {input.challenges && input.challenges.length > 0 && (
        <>
          <h3>{t('apply.field.challenges')}</h3>
          <ul>
            {input.challenges.map((challenge, index) => (
              <li key={index}>
                {challenge.challenge}: {t('apply.rating', { rating: challenge.rating })}
              </li>
            ))}
          </ul>
        </>
      )}
      {input.interests && (
        <>
          <h3>{t('apply.field.interests')}</h3>
          <p className="narrative">{input.interests}</p>
        </>
      )}
      {input.expertise && (
        <>
          <h3>{t('apply.field.expertise')}</h3>
          <p className="narrative">{input.expertise}</p>
        </>
      )}
    </section>
  )
}

/** The form for the step this application is waiting for: endorsement, recommendation or decision. */
function NextStep({ application, onRecorded }: { application: Application; onRecorded: (application: Application) => void }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>()
  const [sending, setSending] = useState(false)
  const path = { applicationId: application.id }

  const step =
    application.state === 'SUBMITTED'
      ? 'endorsement'
      : application.state === 'ENDORSED'
        ? 'recommendation'
        : application.state === 'RECOMMENDED' || application.state === 'NOT_RECOMMENDED'
          ? 'decision'
          : null
  if (!step) return null

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    setSending(true)
    setError(undefined)
    try {
      let result: Application
      if (step === 'endorsement') {
        const body = { date: requiredText(form, 'date'), signatory: requiredText(form, 'signatory') }
        result = await api.POST('/api/applications/{applicationId}/endorsement', { params: { path }, body }).then(unwrap)
      } else if (step === 'recommendation') {
        const body = { recommended: form.get('recommended') === 'yes', date: requiredText(form, 'date'), note: text(form, 'note') }
        result = await api.POST('/api/applications/{applicationId}/recommendation', { params: { path }, body }).then(unwrap)
      } else {
        const outcome = form.get('outcome') === 'REJECTED' ? 'REJECTED' : 'ADMITTED'
        const body = { outcome, date: requiredText(form, 'date'), reason: text(form, 'reason') } as const
        result = await api.POST('/api/applications/{applicationId}/decision', { params: { path }, body }).then(unwrap)
      }
      onRecorded(result)
    } catch (failure) {
      setError(failure)
    } finally {
      setSending(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate className="edit-form panel" data-testid={`record-${step}`} key={application.state}>
      <h2>{t(`queue.${step}.title`)}</h2>
      <FieldErrors error={error}>
        {step === 'recommendation' && (
          <Field name="recommended" label={t('queue.recommendation.recommended')} group required>
            {(control) => (
              <div className="radio-list">
                <label>
                  <input type="radio" name={control.name} value="yes" defaultChecked data-testid="recommended-yes" /> {t('queue.recommendation.yes')}
                </label>
                <label>
                  <input type="radio" name={control.name} value="no" data-testid="recommended-no" /> {t('queue.recommendation.no')}
                </label>
              </div>
            )}
          </Field>
        )}
        {step === 'decision' && (
          <Field name="outcome" label={t('queue.decision.outcome')} group required>
            {(control) => (
              <div className="radio-list">
                <label>
                  <input type="radio" name={control.name} value="ADMITTED" defaultChecked data-testid="outcome-admit" /> {t('queue.decision.admit')}
                </label>
                <label>
                  <input type="radio" name={control.name} value="REJECTED" data-testid="outcome-reject" /> {t('queue.decision.reject')}
                </label>
              </div>
            )}
          </Field>
        )}
        <Field name="date" label={t('queue.date')} required>
          {(control) => <input {...control} type="date" defaultValue={today()} data-testid={`${step}-date`} />}
        </Field>
        {step === 'endorsement' && (
          <Field name="signatory" label={t('queue.endorsement.signatory')} required>
            {(control) => <input {...control} data-testid="endorsement-signatory" />}
          </Field>
        )}
        {step === 'recommendation' && (
          <Field name="note" label={t('queue.recommendation.note')}>
            {(control) => <textarea {...control} rows={3} />}
          </Field>
        )}
        {step === 'decision' && (
          <Field name="reason" label={t('queue.decision.reason')} hint={t('queue.decision.reasonHint')}>
            {(control) => <textarea {...control} rows={3} />}
          </Field>
        )}
      </FieldErrors>
      <SaveProblem error={error} />
      <button type="submit" disabled={sending} data-testid={`record-${step}-submit`}>
        {t(`queue.${step}.submit`)}
      </button>
    </form>
  )
}
