import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { today } from '../components/format'
import { FormActions } from '../components/FormActions'
import { text } from '../components/formData'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { LANGUAGES, type Language } from '../i18n'
import { ClusterProblem } from './ClusterProblem'
import { LocalizedFields, optionalLocalizedText } from './LocalizedFields'
import type { ClusterTerm } from './clustersApi'

export type ClusterReport = Schemas['ClusterReport']
type NewsDraft = { key: number; title: Texts; text: Texts; date: string; link: string; published: boolean }
type Texts = Record<Language, string>

/** A half-year of the term: `half` 1 is January–June, 2 is July–December. */
export type Period = { year: number; half: 1 | 2 }

/** Every half-year that overlaps the term, in order (a term of September 2019 to August 2021 has five). */
export function termPeriods(term: ClusterTerm): Period[] {
  const periods: Period[] = []
  for (let year = Number(term.startsOn.slice(0, 4)); year <= Number(term.endsOn.slice(0, 4)); year++) {
    for (const half of [1, 2] as const) {
      const first = `${year}-${half === 1 ? '01-01' : '07-01'}`
      const last = `${year}-${half === 1 ? '06-30' : '12-31'}`
      if (first <= term.endsOn && last >= term.startsOn) periods.push({ year, half })
    }
  }
  return periods
}

const periodKey = (period: Period) => `${period.year}-${period.half}`
const emptyTexts = (): Texts => ({ en: '', fr: '', es: '' })
const textsOf = (value: { en?: string | null; fr?: string | null; es?: string | null }): Texts => ({
  en: value.en ?? '',
  fr: value.fr ?? '',
  es: value.es ?? '',
})
/** The API's localized text: English always sent (the API names it when empty), the others only when written. */
const localizedInput = (texts: Texts) => ({ en: texts.en.trim(), fr: texts.fr.trim() || null, es: texts.es.trim() || null })

let nextKey = 1

/**
 * The coordinator's six-monthly report (or the secretariat's): the half-year, a summary, the
 * work-plan activities done in it and news items for the newsletter. A new report is submitted
 * (POST); a submitted one is replaced as a whole (PUT with If-Match), its period kept.
 */
export function ReportForm(props: {
  clusterId: number
  term: ClusterTerm
  report?: ClusterReport
  reported: Period[]
  onSaved: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const { clusterId, term, report } = props
  const path = { clusterId, termId: term.id }
  const plan = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}/terms/{termId}/work-plan', { params: { path }, signal }).then(unwrap),
    [clusterId, term.id],
  )
  // A new report is for a half-year not reported yet; the period of a submitted one cannot change.
  const periods = report
    ? [{ year: report.year, half: report.half as 1 | 2 }]
    : termPeriods(term).filter((period) => !props.reported.some((done) => periodKey(done) === periodKey(period)))
  const [news, setNews] = useState<NewsDraft[]>(
    () =>
      report?.news.map((item) => ({
        key: nextKey++,
        title: textsOf(item.title),
        text: textsOf(item.text),
        date: item.date,
        link: item.link ?? '',
        published: item.published,
      })) ?? [],
  )
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>()

  const change = (key: number, patch: Partial<NewsDraft>) => setNews((items) => items.map((item) => (item.key === key ? { ...item, ...patch } : item)))

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const [year, half] = (text(form, 'period') ?? '').split('-').map(Number)
    const body: Schemas['ClusterReportInput'] = {
      year,
      half,
      summary: optionalLocalizedText(form, 'summary'),
      activityIds: form.getAll('activityIds').map(Number),
      news: news.map((item) => ({
        title: localizedInput(item.title),
        text: localizedInput(item.text),
        date: item.date,
        link: item.link.trim() || null,
        published: item.published,
      })),
    }
    setSaving(true)
    setError(undefined)
    try {
      if (report) {
        await api
          .PUT('/api/clusters/{clusterId}/terms/{termId}/reports/{reportId}', {
            params: { path: { ...path, reportId: report.id }, header: { 'If-Match': `"${report.version}"` } },
            body,
          })
          .then(unwrap)
      } else {
        await api.POST('/api/clusters/{clusterId}/terms/{termId}/reports', { params: { path }, body }).then(unwrap)
      }
      props.onSaved()
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }

  if (periods.length === 0) {
    return (
      <div className="panel" data-testid="report-form">
        <p data-testid="report-all-done">{t('clusters.reportForm.allReported')}</p>
        <button type="button" onClick={props.onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
    )
  }
  const periodName = (period: Period) =>
    t(period.half === 1 ? 'clusters.reports.firstHalf' : 'clusters.reports.secondHalf', { year: period.year })

  return (
    <form className="edit-form panel" onSubmit={save} noValidate data-testid="report-form">
      <h3>{report ? t('clusters.reportForm.editTitle', { period: periodName(periods[0]) }) : t('clusters.reportForm.newTitle')}</h3>
      <FieldErrors error={error}>
        <Field name="year" label={t('clusters.reportForm.period')} required>
          {(control) => (
            <select {...control} name="period" defaultValue={periodKey(periods.at(-1)!)} disabled={!!report} data-testid="report-period">
              {periods.map((period) => (
                <option key={periodKey(period)} value={periodKey(period)}>
                  {periodName(period)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {/* A disabled select is not sent with the form: the fixed period travels hidden. */}
        {report && <input type="hidden" name="period" value={periodKey(periods[0])} />}
        <LocalizedFields name="summary" label={t('clusters.reportForm.summary')} value={report?.summary} multiline testId="report-summary" />
        <Field name="activityIds" label={t('clusters.reportForm.activities')} hint={t('clusters.reportForm.activitiesHint')} group>
          {() => (
            <Loaded state={plan} isEmpty={(data) => data.activities.length === 0} empty={t('workPlan.empty')}>
              {(data) => (
                <ul className="plain-list">
                  {data.activities.map((activity) => (
                    <li key={activity.id}>
                      <label>
                        <input
                          type="checkbox"
                          name="activityIds"
                          value={activity.id}
                          defaultChecked={report ? report.activityIds.includes(activity.id) : false}
                          data-testid="report-activity"
                          data-code={activity.code}
                        />{' '}
                        {activity.code} {activity.title} <span className="muted">({t(`workPlan.status.${activity.status}`)})</span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </Loaded>
          )}
        </Field>
        <h4>{t('clusters.reports.news')}</h4>
        {news.length === 0 && <p className="muted">{t('clusters.reportForm.noNews')}</p>}
        {news.map((item, index) => (
          <fieldset key={item.key} data-testid="report-news-item">
            <legend>{t('clusters.reportForm.newsItem', { number: index + 1 })}</legend>
            {LANGUAGES.map((language) => (
              <div key={language} className="field-row">
                <Field name={`news[${index}].title.${language}`} label={t(`clusters.reportForm.newsTitle.${language}`)} required={language === 'en'}>
                  {(control) => (
                    <input
                      {...control}
                      value={item.title[language]}
                      onChange={(event) => change(item.key, { title: { ...item.title, [language]: event.target.value } })}
                      data-testid={`news-title-${language}`}
                    />
                  )}
                </Field>
                <Field name={`news[${index}].text.${language}`} label={t(`clusters.reportForm.newsText.${language}`)} required={language === 'en'}>
                  {(control) => (
                    <textarea
                      {...control}
                      rows={2}
                      value={item.text[language]}
                      onChange={(event) => change(item.key, { text: { ...item.text, [language]: event.target.value } })}
                      data-testid={`news-text-${language}`}
                    />
                  )}
                </Field>
              </div>
            ))}
            <div className="field-row">
              <Field name={`news[${index}].date`} label={t('clusters.reportForm.newsDate')} required>
                {(control) => (
                  <input {...control} type="date" value={item.date} onChange={(event) => change(item.key, { date: event.target.value })} data-testid="news-date" />
                )}
              </Field>
              <Field name={`news[${index}].link`} label={t('clusters.reportForm.newsLink')}>
                {(control) => (
                  <input {...control} type="url" value={item.link} onChange={(event) => change(item.key, { link: event.target.value })} data-testid="news-link" />
                )}
              </Field>
            </div>
            <label>
              <input type="checkbox" checked={item.published} onChange={(event) => change(item.key, { published: event.target.checked })} data-testid="news-published" />{' '}
              {t('clusters.reportForm.newsPublished')}
            </label>
            <div className="actions">
              <button type="button" onClick={() => setNews((items) => items.filter((other) => other.key !== item.key))} data-testid="news-remove">
                {t('clusters.reportForm.removeNews')}
              </button>
            </div>
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            onClick={() => setNews((items) => [...items, { key: nextKey++, title: emptyTexts(), text: emptyTexts(), date: today(), link: '', published: true }])}
            data-testid="news-add"
          >
            {t('clusters.reportForm.addNews')}
          </button>
        </p>
      </FieldErrors>
      <ClusterProblem error={error} onReload={props.onCancel} />
      <FormActions saving={saving} saveTestId="report-save" onCancel={props.onCancel} />
    </form>
  )
}
