import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { FormActions } from '../components/FormActions'
import { requiredText } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { useSubmit } from '../components/useSubmit'
import type { ClusterTerm } from './clustersApi'

/** The secretariat adds a term: its code (e.g. "2021-2023") and its first and last day. */
export function TermForm(props: { onSaved: (term: ClusterTerm) => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const { saving, error, submit } = useSubmit()

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    // Empty dates go as '' so the API names the field, rather than a silent null.
    const body = { code: requiredText(form, 'code'), startsOn: requiredText(form, 'startsOn'), endsOn: requiredText(form, 'endsOn') }
    await submit(async () => props.onSaved(await api.POST('/api/cluster-terms', { body }).then(unwrap)))
  }

  return (
    <form className="edit-form panel" onSubmit={save} noValidate data-testid="term-form">
      <h2>{t('clusters.termForm.title')}</h2>
      <FieldErrors error={error}>
        <div className="field-row">
          <Field name="code" label={t('clusters.termForm.code')} hint={t('clusters.termForm.codeHint')} required>
            {(control) => <input {...control} size={12} data-testid="term-code" />}
          </Field>
          <Field name="startsOn" label={t('clusters.termForm.startsOn')} required>
            {(control) => <input {...control} type="date" data-testid="term-startsOn" />}
          </Field>
          <Field name="endsOn" label={t('clusters.termForm.endsOn')} required>
            {(control) => <input {...control} type="date" data-testid="term-endsOn" />}
          </Field>
        </div>
      </FieldErrors>
      <SaveProblem error={error} />
      <FormActions saving={saving} saveTestId="term-save" onCancel={props.onCancel} />
    </form>
  )
}
