import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { requiredText } from '../components/formData'
import { today } from '../components/format'
import { SaveProblem } from '../components/SaveProblem'

type StatusAction = Schemas['StatusAction']

/** The moves the API allows from each status (any other is a 409). */
const ACTIONS_FROM: Record<Schemas['MemberStatus'], StatusAction[]> = {
  MEMBER: ['SUSPEND', 'WITHDRAW'],
  SUSPENDED: ['REINSTATE', 'WITHDRAW'],
  WITHDRAWN: ['REINSTATE'],
}

/** The secretariat suspends, reinstates or withdraws a member, with a date and a reason. */
export function StatusActions(props: { memberId: number; status: Schemas['MemberStatus']; onChanged: () => void }) {
  const { t } = useTranslation()
  const actions = ACTIONS_FROM[props.status]
  const [action, setAction] = useState<StatusAction | null>(null)
  const [error, setError] = useState<unknown>()
  const [saving, setSaving] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!action) return
    const form = new FormData(event.currentTarget)
    setSaving(true)
    setError(undefined)
    try {
      await api
        .POST('/api/members/{memberId}/status-changes', {
          params: { path: { memberId: props.memberId } },
          body: { action, date: requiredText(form, 'date'), reason: requiredText(form, 'reason') },
        })
        .then(unwrap)
      setAction(null)
      props.onChanged()
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }

  return (
    <section aria-labelledby="status-actions-title" className="panel">
      <h2 id="status-actions-title">{t('member.statusActions.title')}</h2>
      <div className="actions">
        {actions.map((candidate) => (
          <button
            key={candidate}
            type="button"
            aria-pressed={action === candidate}
            data-testid={`status-action-${candidate}`}
            onClick={() => {
              setAction(candidate)
              setError(undefined)
            }}
          >
            {t(`member.statusAction.${candidate}`)}
          </button>
        ))}
      </div>
      {action && (
        <form onSubmit={submit} noValidate className="edit-form">
          <FieldErrors error={error}>
            <Field name="date" label={t('member.statusActions.date')} required>
              {(control) => <input {...control} type="date" defaultValue={today()} />}
            </Field>
            <Field name="reason" label={t('member.statusActions.reason')} required>
              {(control) => <textarea {...control} rows={3} />}
            </Field>
          </FieldErrors>
          <SaveProblem error={error} />
          <div className="actions">
            <button type="submit" disabled={saving} data-testid="status-action-submit">
              {t(`member.statusAction.${action}`)}
            </button>
            <button type="button" onClick={() => setAction(null)}>
              {t('edit.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
