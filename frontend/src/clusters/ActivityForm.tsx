import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { FormActions } from '../components/FormActions'
import { number, requiredText, text } from '../components/formData'
import { currentLanguage } from '../i18n'
import { ClusterProblem } from './ClusterProblem'
import { ACTIVITY_STATUSES, RESPONSIBLE_KINDS, useWorkAreas, WORK_AREAS, type Activity } from './clustersApi'

/** An activity as the API takes it back: what the form does not show (responsible city, host) is kept. */
export function activityInput(activity: Activity): Schemas['ActivityInput'] {
  const { id: _id, version: _version, ...input } = activity
  return input
}

/** The If-Match of an activity: the API's ETag is its version in quotes. */
export function activityTag(activity: Activity): string {
  return `"${activity.version}"`
}

/** Adds an activity to a work plan (no `activity`) or replaces one (with If-Match). */
export function ActivityForm(props: {
  clusterId: number
  termId: number
  activity?: Activity
  onSaved: () => void
  onCancel: () => void
  onReload: () => void
}) {
  const { t } = useTranslation()
  const workAreas = useWorkAreas(currentLanguage())
  const { activity } = props
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>()

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body: Schemas['ActivityInput'] = {
      ...(activity ? activityInput(activity) : {}),
      code: requiredText(form, 'code'),
      workArea: number(form, 'workArea') as number,
      title: requiredText(form, 'title'),
      description: text(form, 'description'),
      responsibleKind: requiredText(form, 'responsibleKind') as Schemas['ResponsibleKind'],
      plannedStart: text(form, 'plannedStart'),
      plannedEnd: text(form, 'plannedEnd'),
      // The amount stays a decimal string, as typed (without grouping spaces or commas): never a float.
      estimatedCostUsd: requiredText(form, 'estimatedCostUsd').replace(/[\s,]/g, ''),
      status: requiredText(form, 'status') as Schemas['ActivityStatus'],
      outputs: (text(form, 'outputs') ?? '').split(/\s+/).filter(Boolean),
    }
    const path = { clusterId: props.clusterId, termId: props.termId }
    setSaving(true)
    setError(undefined)
    try {
      if (activity) {
        await api
          .PUT('/api/clusters/{clusterId}/terms/{termId}/work-plan/activities/{activityId}', {
            params: { path: { ...path, activityId: activity.id }, header: { 'If-Match': activityTag(activity) } },
            body,
          })
          .then(unwrap)
      } else {
        await api.POST('/api/clusters/{clusterId}/terms/{termId}/work-plan/activities', { params: { path }, body }).then(unwrap)
      }
      props.onSaved()
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="edit-form" onSubmit={save} noValidate data-testid="activity-form">
      <h3>{activity ? t('workPlan.editActivity', { code: activity.code }) : t('workPlan.addActivity')}</h3>
      <FieldErrors error={error}>
        <div className="field-row">
          <Field name="code" label={t('workPlan.field.code')} required>
            {(control) => <input {...control} defaultValue={activity?.code ?? ''} size={6} data-testid="activity-code" />}
          </Field>
          <Field name="workArea" label={t('workPlan.field.workArea')} required>
            {(control) => (
              <select {...control} defaultValue={activity?.workArea ?? 1} data-testid="activity-workArea">
                {WORK_AREAS.map((number) => (
                  <option key={number} value={number}>
                    {number}. {workAreas.find((area) => area.number === number)?.name ?? ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="status" label={t('workPlan.field.status')} required>
            {(control) => (
              <select {...control} defaultValue={activity?.status ?? 'PLANNED'} data-testid="activity-status">
                {ACTIVITY_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`workPlan.status.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field name="title" label={t('workPlan.field.title')} required>
          {(control) => <input {...control} defaultValue={activity?.title ?? ''} data-testid="activity-title" />}
        </Field>
        <Field name="description" label={t('workPlan.field.description')}>
          {(control) => <textarea {...control} rows={3} defaultValue={activity?.description ?? ''} />}
        </Field>
        <div className="field-row">
          <Field name="responsibleKind" label={t('workPlan.field.responsible')} required>
            {(control) => (
              <select {...control} defaultValue={activity?.responsibleKind ?? 'COORDINATING_CITY'}>
                {RESPONSIBLE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`workPlan.responsible.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="estimatedCostUsd" label={t('workPlan.field.cost')} hint={t('workPlan.costHint')} required>
            {(control) => <input {...control} inputMode="decimal" defaultValue={activity?.estimatedCostUsd ?? ''} data-testid="activity-cost" />}
          </Field>
          <Field name="plannedStart" label={t('workPlan.field.plannedStart')}>
            {(control) => <input {...control} type="date" defaultValue={activity?.plannedStart ?? ''} />}
          </Field>
          <Field name="plannedEnd" label={t('workPlan.field.plannedEnd')}>
            {(control) => <input {...control} type="date" defaultValue={activity?.plannedEnd ?? ''} />}
          </Field>
        </div>
        <Field name="outputs" label={t('workPlan.field.outputs')} hint={t('workPlan.outputsHint')}>
          {(control) => <textarea {...control} rows={2} defaultValue={activity?.outputs.join('\n') ?? ''} />}
        </Field>
      </FieldErrors>
      <ClusterProblem error={error} onReload={props.onReload} />
      <FormActions saving={saving} saveTestId="activity-save" onCancel={props.onCancel} />
    </form>
  )
}
