import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { FormActions } from '../components/FormActions'
import { formatDateTime } from '../components/format'
import { text } from '../components/formData'
import { Loaded } from '../components/Loaded'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad } from '../components/useLoad'
import { useSubmit } from '../components/useSubmit'
import type { Language } from '../i18n'
import type { ClusterCity, ClusterTerm } from './clustersApi'

type Progress = Schemas['ClusterMemberProgress']
type Outcome = Schemas['ClusterOutcome']
const OUTCOME_STATUSES: Schemas['ClusterOutcomeStatus'][] = ['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED']

/** The calendar years a term touches (a September 2019 – August 2021 term: 2019, 2020, 2021). */
export function termYears(term: ClusterTerm): number[] {
  const years: number[] = []
  for (let year = Number(term.startsOn.slice(0, 4)); year <= Number(term.endsOn.slice(0, 4)); year++) years.push(year)
  return years
}

/**
 * A member city's yearly progress in the cluster and the strategy's three expected outcomes, for
 * those the API lets write them: the cluster's coordinator and the secretariat for any city of
 * the cluster in the term (`cities`), a focal point for their own.
 */
export function MemberProgressSection(props: { clusterId: number; term: ClusterTerm; cities: ClusterCity[]; language: Language }) {
  const { t } = useTranslation()
  const { cities } = props
  const [picked, setPicked] = useState<number>()
  // The members are read again after a join or leave: the pick holds while its city is listed.
  const memberId = (cities.find((city) => city.memberId === picked) ?? cities[0])?.memberId
  if (memberId === undefined) return null
  return (
    <section aria-labelledby="progress-title" data-testid="member-progress">
      <h2 id="progress-title">{t('clusters.progress.title')}</h2>
      <div className="field">
        <label htmlFor="progress-city">{t('surveys.answer.city')}</label>
        <select id="progress-city" value={memberId} onChange={(event) => setPicked(Number(event.target.value))} data-testid="progress-city">
          {cities.map((city) => (
            <option key={city.memberId} value={city.memberId}>
              {city.name} ({city.country})
            </option>
          ))}
        </select>
      </div>
      <CityProgress key={memberId} clusterId={props.clusterId} term={props.term} memberId={memberId} language={props.language} />
    </section>
  )
}

function CityProgress(props: { clusterId: number; term: ClusterTerm; memberId: number; language: Language }) {
  const { t } = useTranslation()
  const path = { clusterId: props.clusterId, termId: props.term.id, memberId: props.memberId }
  // Each save answers the city's whole progress: it replaces what was read.
  const [saved, setSaved] = useState<Progress>()
  const loaded = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}/terms/{termId}/members/{memberId}/progress', { params: { path }, signal }).then(unwrap),
    [props.clusterId, props.term.id, props.memberId],
  )
  return (
    <Loaded state={loaded}>
      {(data) => {
        const progress = saved ?? data
        return (
          <>
            <YearlyForm term={props.term} path={path} progress={progress} language={props.language} onSaved={setSaved} />
            <h3>{t('clusters.progress.outcomes')}</h3>
            {progress.outcomes.map((outcome) => (
              <OutcomeForm key={`${outcome.kind}:${outcome.updatedAt}`} path={path} outcome={outcome} language={props.language} onSaved={setSaved} />
            ))}
          </>
        )
      }}
    </Loaded>
  )
}

type ProgressPath = { clusterId: number; termId: number; memberId: number }

function YearlyForm(props: { term: ClusterTerm; path: ProgressPath; progress: Progress; language: Language; onSaved: (progress: Progress) => void }) {
  const { t } = useTranslation()
  const years = termYears(props.term)
  const textOf = (year: number) => props.progress.yearly.find((entry) => entry.year === year)?.text ?? ''
  const [year, setYear] = useState(years.at(-1)!)
  const [report, setReport] = useState(() => textOf(years.at(-1)!))
  const { saving, error, submit } = useSubmit()
  const [done, setDone] = useState(false)

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const body = { text: text(new FormData(event.currentTarget), 'text') ?? '' }
    setDone(false)
    await submit(async () => {
      props.onSaved(
        await api
          .PUT('/api/clusters/{clusterId}/terms/{termId}/members/{memberId}/progress/{year}', { params: { path: { ...props.path, year } }, body })
          .then(unwrap),
      )
      setDone(true)
    })
  }

  return (
    <form className="edit-form" onSubmit={save} noValidate data-testid="progress-form">
      <h3>{t('clusters.progress.yearly')}</h3>
      {props.progress.yearly.length > 0 && (
        <ul data-testid="progress-yearly">
          {props.progress.yearly.map((entry) => (
            <li key={entry.year} data-year={entry.year}>
              <strong>{entry.year}</strong>: {entry.text}{' '}
              <span className="muted">{t('surveys.answer.lastSaved', { date: formatDateTime(entry.recordedAt, props.language), user: entry.recordedBy })}</span>
            </li>
          ))}
        </ul>
      )}
      <FieldErrors error={error}>
        <div className="field">
          <label htmlFor="progress-year">{t('clusters.progress.year')}</label>
          <select
            id="progress-year"
            value={year}
            onChange={(event) => {
              setYear(Number(event.target.value))
              setReport(textOf(Number(event.target.value)))
            }}
            data-testid="progress-year"
          >
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
        <Field name="text" label={t('clusters.progress.text')} required>
          {(control) => <textarea {...control} rows={3} value={report} onChange={(event) => setReport(event.target.value)} data-testid="progress-text" />}
        </Field>
      </FieldErrors>
      <SaveProblem error={error} />
      {done && (
        <p role="status" className="notice" data-testid="progress-saved">
          {t('edit.saved')}
        </p>
      )}
      <FormActions saving={saving} saveTestId="progress-save" />
    </form>
  )
}

function OutcomeForm(props: { path: ProgressPath; outcome: Outcome; language: Language; onSaved: (progress: Progress) => void }) {
  const { t } = useTranslation()
  const { language, outcome } = props
  const { saving, error, submit } = useSubmit()

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body = { status: text(form, 'status') as Schemas['ClusterOutcomeStatus'], evidenceUrl: text(form, 'evidenceUrl') }
    await submit(async () =>
      props.onSaved(
        await api
          .PUT('/api/clusters/{clusterId}/terms/{termId}/members/{memberId}/outcomes/{kind}', {
            params: { path: { ...props.path, kind: outcome.kind } },
            body,
          })
          .then(unwrap),
      ),
    )
  }

  return (
    <form className="edit-form" onSubmit={save} noValidate data-testid="outcome-form" data-kind={outcome.kind}>
      <h4>{t(`clusters.progress.kind.${outcome.kind}`)}</h4>
      {outcome.updatedAt && (
        <p className="muted" data-testid="outcome-updated">
          {t('clusters.progress.updated', { date: formatDateTime(outcome.updatedAt, language) })}
        </p>
      )}
      <FieldErrors error={error}>
        <div className="field-row">
          <Field name="status" label={t('clusters.statusLabel')} required>
            {(control) => (
              <select {...control} defaultValue={outcome.status} data-testid="outcome-status">
                {OUTCOME_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`clusters.progress.status.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="evidenceUrl" label={t('clusters.progress.evidence')}>
            {(control) => <input {...control} type="url" defaultValue={outcome.evidenceUrl ?? ''} data-testid="outcome-evidence" />}
          </Field>
        </div>
      </FieldErrors>
      <SaveProblem error={error} />
      <FormActions saving={saving} saveTestId="outcome-save" />
    </form>
  )
}
