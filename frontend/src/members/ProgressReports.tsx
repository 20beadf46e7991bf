import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { FormActions } from '../components/FormActions'
import { requiredText, text } from '../components/formData'
import { formatDate, today } from '../components/format'
import { Loaded } from '../components/Loaded'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad } from '../components/useLoad'
import type { Language } from '../i18n'

/**
 * The city's biennial progress reports and when the next one is due. With `canRecord` (the
 * secretariat or one of the city's focal points) a report can be recorded as received; the list,
 * the due date and the overdue badge are then asked for again.
 */
export function ProgressReports({ memberId, language, canRecord }: { memberId: number; language: Language; canRecord: boolean }) {
  const { t } = useTranslation()
  const [reloads, setReloads] = useState(0)
  const [recording, setRecording] = useState(false)
  const [recorded, setRecorded] = useState(false)
  const reports = useLoad(
    (signal) => api.GET('/api/members/{memberId}/progress-reports', { params: { path: { memberId } }, signal }).then(unwrap),
    [memberId, reloads],
  )
  return (
    <section aria-labelledby="progress-reports-title" data-testid="progress-reports">
      <h2 id="progress-reports-title">{t('member.reports.title')}</h2>
      <Loaded state={reports}>
        {(data) => (
          <>
            <p>
              <span data-testid="report-next-due">{t('member.reports.nextDue', { date: formatDate(data.nextDue, language) })}</span>{' '}
              {data.overdue && (
                <span className="badge badge-warning" data-testid="report-overdue">
                  {t('member.reports.overdue')}
                </span>
              )}
            </p>
            {data.items.length === 0 ? (
              <p>{t('member.reports.none')}</p>
            ) : (
              <ul data-testid="progress-report-list">
                {data.items.map((report) => (
                  <li key={report.id} data-testid="progress-report">
                    {t('member.reports.received', { date: formatDate(report.receivedOn, language) })}
                    {report.link && (
                      <>
                        {' · '}
                        <a href={report.link} rel="noopener noreferrer">
                          {t('member.reports.link')}
                        </a>
                      </>
                    )}
                    {report.note && <> · {report.note}</>}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
      {recorded && !recording && (
        <p role="status" className="notice" data-testid="progress-report-recorded">
          {t('member.reports.recorded')}
        </p>
      )}
      {canRecord &&
        (recording ? (
          <ProgressReportForm
            memberId={memberId}
            onSaved={() => {
              setRecording(false)
              setRecorded(true)
              setReloads((n) => n + 1)
            }}
            onCancel={() => setRecording(false)}
          />
        ) : (
          <p>
            <button
              type="button"
              data-testid="progress-report-add"
              onClick={() => {
                setRecorded(false)
                setRecording(true)
              }}
            >
              {t('member.reports.add')}
            </button>
          </p>
        ))}
    </section>
  )
}

/** Records a progress report as received (POST /api/members/{id}/progress-reports). */
export function ProgressReportForm(props: {
  memberId: number
  onSaved: (report: Schemas['ProgressReport']) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>()

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body: Schemas['ProgressReportInput'] = {
      receivedOn: requiredText(form, 'receivedOn'),
      link: text(form, 'link'),
      note: text(form, 'note'),
    }
    setSaving(true)
    setError(undefined)
    try {
      const report = await api
        .POST('/api/members/{memberId}/progress-reports', { params: { path: { memberId: props.memberId } }, body })
        .then(unwrap)
      props.onSaved(report)
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="edit-form" onSubmit={save} noValidate data-testid="progress-report-form">
      <h3>{t('member.reports.addTitle')}</h3>
      <FieldErrors error={error}>
        <div className="field-row">
          <Field name="receivedOn" label={t('member.reports.field.receivedOn')} required>
            {(control) => <input {...control} type="date" max={today()} defaultValue={today()} data-testid="progress-report-receivedOn" />}
          </Field>
          <Field name="link" label={t('member.reports.field.link')}>
            {(control) => <input {...control} type="url" placeholder="https://" data-testid="progress-report-link" />}
          </Field>
        </div>
        <Field name="note" label={t('member.reports.field.note')}>
          {(control) => <textarea {...control} rows={3} maxLength={2000} data-testid="progress-report-note" />}
        </Field>
      </FieldErrors>
      <SaveProblem error={error} />
      <FormActions saving={saving} saveTestId="progress-report-save" onCancel={props.onCancel} />
    </form>
  )
}
