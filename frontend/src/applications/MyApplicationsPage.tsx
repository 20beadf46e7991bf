import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap } from '../api/client'
import { formatDateTime } from '../components/format'
import { Loaded } from '../components/Loaded'
import { RequireLogin } from '../components/LoginPrompt'
import { useLoad } from '../components/useLoad'
import { StepTimeline } from './StepTimeline'
import { currentLanguage } from '../i18n'

/** The applications the logged-in user submitted, and where each stands. */
export function MyApplicationsPage() {
  const { t } = useTranslation()
  return (
    <>
      <h1>{t('myApplications.title')}</h1>
      <RequireLogin reason={t('myApplications.loginNeeded')}>
        <MyApplications />
      </RequireLogin>
    </>
  )
}

function MyApplications() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const applications = useLoad(
    (signal) => api.GET('/api/applications', { params: { query: { size: 100 } }, signal }).then(unwrap),
    [],
  )
  return (
    <Loaded state={applications} isEmpty={(data) => data.items.length === 0} empty={t('myApplications.none')}>
      {(data) => (
        <ul className="card-list">
          {data.items.map((application) => (
            <li key={application.id} data-testid="my-application">
              <Link to={`/applications/${application.id}`}>{application.input.city}</Link>{' '}
              <span className={`badge state-${application.state.toLowerCase()}`} data-testid="my-application-state">
                {t(`applicationState.${application.state}`)}
              </span>
              <div className="muted">{t('myApplications.submitted', { at: formatDateTime(application.submittedAt, language) })}</div>
              <StepTimeline application={application} />
            </li>
          ))}
        </ul>
      )}
    </Loaded>
  )
}
