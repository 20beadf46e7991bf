import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { useAuth, useHasRole } from '../auth/AuthProvider'
import { Field, FieldErrors } from '../components/Field'
import { requiredText } from '../components/formData'
import { formatDate, formatDateTime } from '../components/format'
import { Loaded } from '../components/Loaded'
import { RequireLogin } from '../components/LoginPrompt'
import { Pager } from '../components/Pager'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad } from '../components/useLoad'
import { itemsOf, useCountries } from '../components/useReference'
import { currentLanguage } from '../i18n'

export const APPLICATION_STATES: Schemas['ApplicationState'][] = ['SUBMITTED', 'ENDORSED', 'RECOMMENDED', 'NOT_RECOMMENDED', 'ADMITTED', 'REJECTED']
const PAGE_SIZE = 20

/** The secretariat's queue of membership applications, and its calls for applications. */
export function QueuePage() {
  const { t } = useTranslation()
  const auth = useAuth()
  const isSecretariat = useHasRole('secretariat')
  return (
    <>
      <h1>{t('queue.title')}</h1>
      <RequireLogin reason={t('queue.secretariatOnly')}>
        {auth.status === 'authenticated' && !isSecretariat ? <p data-testid="secretariat-only">{t('queue.secretariatOnly')}</p> : <Queue />}
      </RequireLogin>
    </>
  )
}

function Queue() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [search, setSearch] = useSearchParams()
  const [callsVersion, setCallsVersion] = useState(0)
  const countries = itemsOf(useCountries(language))
  const calls = useLoad(
    (signal) => api.GET('/api/membership-calls', { params: { query: { size: 100 } }, signal }).then(unwrap),
    [callsVersion],
  )
  const callList = calls.status === 'loaded' ? calls.data.items : []

  const filters = {
    state: (search.get('state') || undefined) as Schemas['ApplicationState'] | undefined,
    callId: search.get('callId') ? Number(search.get('callId')) : undefined,
    country: search.get('country') || undefined,
    page: Math.max(1, Number(search.get('page')) || 1),
    size: PAGE_SIZE,
  }
  const applications = useLoad(
    (signal) => api.GET('/api/applications', { params: { query: filters }, signal }).then(unwrap),
    [search.toString()],
  )

  function update(name: string, value: string | null) {
    const next = new URLSearchParams(search)
    if (value) next.set(name, value)
    else next.delete(name)
    if (name !== 'page') next.delete('page')
    setSearch(next)
  }

  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`queue-${name}`}>{label}</label>
      <select id={`queue-${name}`} value={search.get(name) ?? ''} onChange={(event) => update(name, event.target.value || null)} data-testid={`queue-${name}`}>
        <option value="">{t('directory.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <>
      <div className="filters">
        {select('state', t('queue.filter.state'), APPLICATION_STATES.map((state) => ({ value: state, label: t(`applicationState.${state}`) })))}
        {select('callId', t('queue.filter.call'), callList.map((call) => ({ value: String(call.id), label: call.title })))}
        {select('country', t('queue.filter.country'), countries.map((country) => ({ value: country.iso2, label: country.name })))}
      </div>
      <Loaded state={applications} isEmpty={(data) => data.items.length === 0} empty={t('queue.none')}>
        {(data) => (
          <>
            <table className="data-table" data-testid="queue-table">
              <thead>
                <tr>
                  <th scope="col">{t('queue.column.city')}</th>
                  <th scope="col">{t('queue.column.country')}</th>
                  <th scope="col">{t('queue.column.call')}</th>
                  <th scope="col">{t('queue.column.state')}</th>
                  <th scope="col">{t('queue.column.submitted')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((application) => (
                  <tr key={application.id} data-testid="queue-row">
                    <td>
                      <Link to={`/applications/${application.id}`}>{application.input.city}</Link>
                    </td>
                    <td>{countries.find((country) => country.iso2 === application.input.country)?.name ?? application.input.country}</td>
                    <td>{callList.find((call) => call.id === application.callId)?.title ?? application.callId}</td>
                    <td>{t(`applicationState.${application.state}`)}</td>
                    <td>{formatDateTime(application.submittedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={data.page} size={data.size} total={data.total} onPage={(page) => update('page', String(page))} />
          </>
        )}
      </Loaded>

      <section aria-labelledby="calls-title" className="panel">
        <h2 id="calls-title">{t('calls.title')}</h2>
        <Loaded state={calls} isEmpty={(data) => data.items.length === 0} empty={t('calls.none')}>
          {(data) => (
            <ul>
              {data.items.map((call) => (
                <li key={call.id}>
                  {call.title} · {formatDate(call.opensOn, language)} – {formatDate(call.closesOn, language)} ·{' '}
                  {call.open ? <span className="badge">{t('calls.open')}</span> : t('calls.closed')} ·{' '}
                  {t('calls.applications', { count: call.applications })}
                </li>
              ))}
            </ul>
          )}
        </Loaded>
        <NewCallForm onCreated={() => setCallsVersion((n) => n + 1)} />
      </section>
    </>
  )
}

function NewCallForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>()
  const [created, setCreated] = useState<string>()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formElement = event.currentTarget
    const form = new FormData(formElement)
    setError(undefined)
    setCreated(undefined)
    try {
      const body = { title: requiredText(form, 'title'), opensOn: requiredText(form, 'opensOn'), closesOn: requiredText(form, 'closesOn') }
      const call = await api.POST('/api/membership-calls', { body }).then(unwrap)
      formElement.reset()
      setCreated(call.title)
      onCreated()
    } catch (failure) {
      setError(failure)
    }
  }

  return (
    <form onSubmit={submit} noValidate className="edit-form" data-testid="new-call-form">
      <h3>{t('calls.newTitle')}</h3>
      <FieldErrors error={error}>
        <div className="field-row">
          <Field name="title" label={t('calls.field.title')} required>
            {(control) => <input {...control} />}
          </Field>
          <Field name="opensOn" label={t('calls.field.opensOn')} required>
            {(control) => <input {...control} type="date" />}
          </Field>
          <Field name="closesOn" label={t('calls.field.closesOn')} required>
            {(control) => <input {...control} type="date" />}
          </Field>
        </div>
      </FieldErrors>
      <SaveProblem error={error} />
      {created && (
        <p role="status" className="notice">
          {t('calls.created', { title: created })}
        </p>
      )}
      <button type="submit">{t('calls.create')}</button>
    </form>
  )
}
