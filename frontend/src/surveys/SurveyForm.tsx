import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import type { ClusterTerm } from '../clusters/clustersApi'
import { LocalizedFields, localizedText } from '../clusters/LocalizedFields'
import { Field, FieldErrors } from '../components/Field'
import { FormActions } from '../components/FormActions'
import { requiredText } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { useSubmit } from '../components/useSubmit'
import type { Survey } from './surveysApi'

/**
 * The secretariat adds a survey to the term (no `survey`) or changes one's title and dates (with
 * If-Match; its term stays). Moving `closesOn` to yesterday closes a survey early.
 */
export function SurveyForm(props: { term: ClusterTerm; survey?: Survey; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const { survey } = props
  const { saving, error, submit } = useSubmit()

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body: Schemas['SurveyInput'] = {
      termId: survey?.termId ?? props.term.id,
      title: localizedText(form, 'title'),
      opensOn: requiredText(form, 'opensOn'),
      closesOn: requiredText(form, 'closesOn'),
    }
    await submit(async () => {
      if (survey) {
        // The list's version is the survey's ETag in quotes.
        await api
          .PUT('/api/surveys/{surveyId}', { params: { path: { surveyId: survey.id }, header: { 'If-Match': `"${survey.version}"` } }, body })
          .then(unwrap)
      } else {
        await api.POST('/api/surveys', { body }).then(unwrap)
      }
      props.onSaved()
    })
  }

  return (
    <form className="edit-form panel" onSubmit={save} noValidate data-testid="survey-form">
      <h2>{survey ? t('surveys.form.editTitle') : t('surveys.form.newTitle', { term: props.term.code })}</h2>
      <FieldErrors error={error}>
        <LocalizedFields name="title" label={t('surveys.column.title')} value={survey?.title} required testId="survey-title" />
        <div className="field-row">
          <Field name="opensOn" label={t('surveys.form.opensOn')} required>
            {(control) => <input {...control} type="date" defaultValue={survey?.opensOn ?? ''} data-testid="survey-opensOn" />}
          </Field>
          <Field name="closesOn" label={t('surveys.form.closesOn')} hint={t('surveys.form.closesOnHint')} required>
            {(control) => <input {...control} type="date" defaultValue={survey?.closesOn ?? ''} data-testid="survey-closesOn" />}
          </Field>
        </div>
      </FieldErrors>
      <SaveProblem error={error} onReload={props.onCancel} />
      <FormActions saving={saving} saveTestId="survey-save" onCancel={props.onCancel} />
    </form>
  )
}
