import { useTranslation } from 'react-i18next'
import type { Schemas } from '../api/client'
import { formatDate, formatDateTime } from '../components/format'
import { currentLanguage } from '../i18n'

type Stage = 'ENDORSEMENT' | 'RECOMMENDATION' | 'DECISION'

/** The stages still ahead of an application in this state. */
function stagesAhead(state: Schemas['ApplicationState']): Stage[] {
  switch (state) {
    case 'SUBMITTED':
      return ['ENDORSEMENT', 'RECOMMENDATION', 'DECISION']
    case 'ENDORSED':
      return ['RECOMMENDATION', 'DECISION']
    case 'RECOMMENDED':
    case 'NOT_RECOMMENDED':
      return ['DECISION']
    default:
      return []
  }
}

/** Every step so far (dated, with who recorded it), then the stages still to come. */
export function StepTimeline({ application }: { application: Schemas['Application'] }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  return (
    <ol className="timeline steps" data-testid="application-steps">
      {application.steps.map((step, index) => (
        <li key={index} className="step-done" data-step={step.step}>
          <strong>{t(`applicationState.${step.step}`)}</strong> · {formatDate(step.date, language)}
          {step.detail && <div>{step.detail}</div>}
          <div className="muted">{t('applications.recorded', { by: step.by, at: formatDateTime(step.at, language) })}</div>
        </li>
      ))}
      {stagesAhead(application.state).map((stage) => (
        <li key={stage} className="step-ahead">
          {t(`applications.stageAhead.${stage}`)}
        </li>
      ))}
    </ol>
  )
}
