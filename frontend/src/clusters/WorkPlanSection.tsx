import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, unwrapVersioned } from '../api/client'
import { FieldErrors } from '../components/Field'
import { formatDate } from '../components/format'
import { FormActions } from '../components/FormActions'
import { Loaded } from '../components/Loaded'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad } from '../components/useLoad'
import { useSubmit } from '../components/useSubmit'
import type { Language } from '../i18n'
import { ActivityForm, activityInput, activityTag } from './ActivityForm'
import { ClusterProblem } from './ClusterProblem'
import { LocalizedFields, optionalLocalizedText } from './LocalizedFields'
import { ACTIVITY_STATUSES, formatUsd, localized, useWorkAreas, WORK_AREAS, type Activity, type WorkPlan } from './clustersApi'

type Editing = { kind: 'add' } | { kind: 'edit'; activity: Activity } | { kind: 'objectives' }

/**
 * The cluster's work plan in a term: activities grouped by the four work areas, with the API's
 * exact sums per work area and in total. With `canManage` (a coordinator of this cluster, or the
 * secretariat) the plan can be started from the strategy's template, its objectives written per
 * language, and activities added, edited, moved from one status to another and removed.
 */
export function WorkPlanSection(props: { clusterId: number; termId: number; canManage: boolean; language: Language }) {
  const { t } = useTranslation()
  const { clusterId, termId, canManage, language } = props
  const path = { clusterId, termId }
  const [reloads, setReloads] = useState(0)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const reload = () => {
    setError(undefined)
    setReloads((n) => n + 1)
  }
  const plan = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}/terms/{termId}/work-plan', { params: { path }, signal }).then(unwrapVersioned),
    [clusterId, termId, reloads],
  )

  async function run(action: () => Promise<unknown>) {
    setBusy(true)
    setError(undefined)
    try {
      await action()
      setReloads((n) => n + 1)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  const startFromTemplate = () =>
    run(() => api.POST('/api/clusters/{clusterId}/terms/{termId}/work-plan/from-template', { params: { path } }).then(unwrap))

  const changeStatus = (activity: Activity, status: Activity['status']) =>
    run(() =>
      api
        .PUT('/api/clusters/{clusterId}/terms/{termId}/work-plan/activities/{activityId}', {
          params: { path: { ...path, activityId: activity.id }, header: { 'If-Match': activityTag(activity) } },
          body: { ...activityInput(activity), status },
        })
        .then(unwrap),
    )

  const deleteActivity = (activity: Activity) => {
    if (!window.confirm(t('workPlan.confirmDelete', { code: activity.code, title: activity.title }))) return
    void run(() =>
      api
        .DELETE('/api/clusters/{clusterId}/terms/{termId}/work-plan/activities/{activityId}', { params: { path: { ...path, activityId: activity.id } } })
        .then(unwrap),
    )
  }

  const closeAndReload = () => {
    setEditing(null)
    reload()
  }

  return (
    <section aria-labelledby="work-plan-title" data-testid="work-plan">
      <h2 id="work-plan-title">{t('workPlan.title')}</h2>
      <Loaded state={plan}>
        {({ data, etag }) => (
          <>
            {editing?.kind === 'objectives' ? (
              <ObjectivesForm clusterId={clusterId} termId={termId} plan={data} etag={etag} onSaved={closeAndReload} onCancel={() => setEditing(null)} />
            ) : (
              <>
                {localized(data.objectives, language) && (
                  <p className="narrative" data-testid="work-plan-objectives">
                    {localized(data.objectives, language)}
                  </p>
                )}
                {canManage && (
                  <p>
                    <button type="button" onClick={() => setEditing({ kind: 'objectives' })} data-testid="objectives-edit">
                      {t('workPlan.editObjectives')}
                    </button>
                  </p>
                )}
              </>
            )}
            {data.activities.length === 0 ? (
              <>
                <p data-testid="work-plan-empty">{t('workPlan.empty')}</p>
                {canManage && (
                  <p>
                    <button type="button" disabled={busy} onClick={startFromTemplate} data-testid="work-plan-from-template">
                      {t('workPlan.fromTemplate')}
                    </button>
                  </p>
                )}
              </>
            ) : (
              <ActivityTable
                plan={data}
                language={language}
                canManage={canManage}
                busy={busy}
                onEdit={(activity) => setEditing({ kind: 'edit', activity })}
                onDelete={deleteActivity}
                onStatus={changeStatus}
              />
            )}
            <ClusterProblem error={error} onReload={reload} />
            {canManage &&
              (editing && editing.kind !== 'objectives' ? (
                <ActivityForm
                  key={editing.kind === 'edit' ? `${editing.activity.id}:${editing.activity.version}` : 'add'}
                  clusterId={clusterId}
                  termId={termId}
                  activity={editing.kind === 'edit' ? editing.activity : undefined}
                  onSaved={closeAndReload}
                  onCancel={() => setEditing(null)}
                  onReload={closeAndReload}
                />
              ) : (
                <p>
                  <button type="button" onClick={() => setEditing({ kind: 'add' })} data-testid="activity-add">
                    {t('workPlan.addActivity')}
                  </button>
                </p>
              ))}
          </>
        )}
      </Loaded>
    </section>
  )
}

function ActivityTable(props: {
  plan: WorkPlan
  language: Language
  canManage: boolean
  busy: boolean
  onEdit: (activity: Activity) => void
  onDelete: (activity: Activity) => void
  onStatus: (activity: Activity, status: Activity['status']) => void
}) {
  const { t } = useTranslation()
  const { plan, language } = props
  const workAreas = useWorkAreas(language)
  const columns = props.canManage ? 6 : 5
  return (
    <table className="data-table work-plan-table" data-testid="work-plan-table">
      <thead>
        <tr>
          <th scope="col">{t('workPlan.field.code')}</th>
          <th scope="col">{t('workPlan.field.title')}</th>
          <th scope="col">{t('workPlan.field.responsible')}</th>
          <th scope="col">{t('workPlan.field.planned')}</th>
          <th scope="col">{t('workPlan.field.status')}</th>
          <th scope="col" className="number">
            {t('workPlan.field.cost')}
          </th>
          {props.canManage && <th scope="col">{t('workPlan.actions')}</th>}
        </tr>
      </thead>
      {WORK_AREAS.map((number) => {
        const activities = plan.activities.filter((activity) => activity.workArea === number)
        const sum = plan.sums.workAreas.find((area) => area.workArea === number)?.totalUsd ?? '0'
        const name = workAreas.find((area) => area.number === number)?.name
        return (
          <tbody key={number} data-testid={`work-area-${number}`}>
            <tr className="group-row">
              <th scope="rowgroup" colSpan={columns + 1}>
                {name ? `${number}. ${name}` : t('workPlan.areaNumber', { number })}
              </th>
            </tr>
            {activities.map((activity) => (
              <tr key={activity.id} data-testid="activity-row" data-code={activity.code}>
                <td>{activity.code}</td>
                <td>
                  {activity.title}
                  {activity.outputs.map((link) => (
                    <div key={link}>
                      <a href={link} rel="noopener noreferrer">
                        {link}
                      </a>
                    </div>
                  ))}
                </td>
                <td>{t(`workPlan.responsible.${activity.responsibleKind}`)}</td>
                <td>
                  {[activity.plannedStart, activity.plannedEnd]
                    .filter(Boolean)
                    .map((date) => formatDate(date, language))
                    .join(' – ')}
                </td>
                <td>
                  {props.canManage ? (
                    <select
                      aria-label={t('workPlan.statusOf', { code: activity.code })}
                      value={activity.status}
                      disabled={props.busy}
                      onChange={(event) => props.onStatus(activity, event.target.value as Activity['status'])}
                      data-testid="activity-status-select"
                    >
                      {ACTIVITY_STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {t(`workPlan.status.${status}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span data-testid="activity-status-text">{t(`workPlan.status.${activity.status}`)}</span>
                  )}
                </td>
                <td className="number" data-testid="activity-cost-cell">
                  {formatUsd(activity.estimatedCostUsd, language)}
                </td>
                {props.canManage && (
                  <td>
                    <button type="button" onClick={() => props.onEdit(activity)} data-testid="activity-edit">
                      {t('edit.edit')}
                    </button>{' '}
                    <button type="button" disabled={props.busy} onClick={() => props.onDelete(activity)} data-testid="activity-delete">
                      {t('workPlan.deleteActivity')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
            <tr className="sum-row">
              <th scope="row" colSpan={5}>
                {t('workPlan.areaSum', { number })}
              </th>
              <td className="number" data-testid={`work-area-sum-${number}`}>
                {formatUsd(sum, language)}
              </td>
              {props.canManage && <td />}
            </tr>
          </tbody>
        )
      })}
      <tfoot>
        <tr className="sum-row">
          <th scope="row" colSpan={5}>
            {t('workPlan.total')}
          </th>
          <td className="number" data-testid="work-plan-total">
            {formatUsd(plan.sums.totalUsd, language)}
          </td>
          {props.canManage && <td />}
        </tr>
      </tfoot>
    </table>
  )
}

/** The plan's objectives per language, replaced with If-Match (`"0"` while the plan is not started). */
function ObjectivesForm(props: { clusterId: number; termId: number; plan: WorkPlan; etag: string; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const { saving, error, submit } = useSubmit()

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const body = { objectives: optionalLocalizedText(new FormData(event.currentTarget), 'objectives') }
    await submit(async () => {
      await api
        .PUT('/api/clusters/{clusterId}/terms/{termId}/work-plan', {
          params: { path: { clusterId: props.clusterId, termId: props.termId }, header: { 'If-Match': props.etag } },
          body,
        })
        .then(unwrap)
      props.onSaved()
    })
  }

  return (
    <form className="edit-form panel" onSubmit={save} noValidate data-testid="objectives-form">
      <FieldErrors error={error}>
        <LocalizedFields name="objectives" label={t('workPlan.objectives')} value={props.plan.objectives} multiline />
      </FieldErrors>
      <SaveProblem error={error} onReload={props.onSaved} />
      <FormActions saving={saving} saveTestId="objectives-save" onCancel={props.onCancel} />
    </form>
  )
}
