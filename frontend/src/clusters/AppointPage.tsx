import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { api, unwrap } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { RequireLogin } from '../components/LoginPrompt'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { listMembers } from '../members/membersApi'
import { NotFoundPage } from '../pages/NotFoundPage'
import { CandidateList } from './CandidateList'
import { ClusterProblem } from './ClusterProblem'
import { chosenTerm, localized, useTerms, type Cluster, type ClusterTerm } from './clustersApi'
import { TermSelect } from './TermSelect'

/** The secretariat appoints a cluster's (at most two) coordinators for a term, and removes them. */
export function AppointPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const clusterId = Number(useParams().id)
  const [search, setSearch] = useSearchParams()
  const isSecretariat = useHasRole('secretariat')
  const terms = useTerms()
  const cluster = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}', { params: { path: { clusterId } }, signal }).then(unwrap),
    [clusterId],
  )
  if (!Number.isInteger(clusterId) || clusterId <= 0) return <NotFoundPage />

  return (
    <Loaded state={cluster}>
      {(data) => (
        <article data-testid="appoint-page">
          <p>
            <Link to={`/clusters/${clusterId}${search.get('term') ? `?term=${search.get('term')}` : ''}`}>{t('clusters.appoint.back')}</Link>
          </p>
          <h1>{t('clusters.appoint.title', { cluster: localized(data.name, language) })}</h1>
          <RequireLogin reason={t('clusters.appoint.secretariatOnly')}>
            {!isSecretariat ? (
              <p data-testid="appoint-forbidden">{t('clusters.appoint.secretariatOnly')}</p>
            ) : (
              <Loaded state={terms} isEmpty={(items) => items.length === 0} empty={t('clusters.noTerms')}>
                {(items) => {
                  const term = chosenTerm(items, search.get('term'))!
                  return (
                    <>
                      <TermSelect terms={items} term={term} onChange={(termId) => setSearch({ term: String(termId) })} />
                      <Appointments key={term.id} cluster={data} term={term} />
                    </>
                  )
                }}
              </Loaded>
            )}
          </RequireLogin>
        </article>
      )}
    </Loaded>
  )
}

function Appointments({ cluster, term }: { cluster: Cluster; term: ClusterTerm }) {
  const { t } = useTranslation()
  const path = { clusterId: cluster.id, termId: term.id }
  const [reloads, setReloads] = useState(0)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [notice, setNotice] = useState<string>()
  const coordinators = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}/terms/{termId}/coordinators', { params: { path }, signal }).then(unwrap),
    [cluster.id, term.id, reloads],
  )

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true)
    setError(undefined)
    setNotice(undefined)
    try {
      await action()
      setNotice(done)
      setReloads((n) => n + 1)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  const appoint = (memberId: number, name: string) =>
    run(
      () => api.POST('/api/clusters/{clusterId}/terms/{termId}/coordinators', { params: { path }, body: { memberId } }).then(unwrap),
      t('clusters.appoint.appointed', { city: name }),
    )
  const remove = (memberId: number, name: string) =>
    run(
      () =>
        api
          .DELETE('/api/clusters/{clusterId}/terms/{termId}/coordinators/{memberId}', { params: { path: { ...path, memberId } } })
          .then(unwrap),
      t('clusters.appoint.removed', { city: name }),
    )

  return (
    <>
      <section aria-labelledby="current-coordinators-title">
        <h2 id="current-coordinators-title">{t('clusters.coordinators')}</h2>
        <Loaded state={coordinators} isEmpty={(data) => data.items.length === 0} empty={t('clusters.noCoordinators')}>
          {(data) => (
            <ul data-testid="appointed-list">
              {data.items.map((city) => (
                <li key={city.memberId} data-testid="appointed" data-city={city.name}>
                  {city.name} ({city.country}){' '}
                  <button type="button" disabled={busy} onClick={() => remove(city.memberId, city.name)} data-testid="coordinator-remove">
                    {t('clusters.appoint.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </section>
      {notice && (
        <p role="status" className="notice" data-testid="appoint-notice">
          {notice}
        </p>
      )}
      <ClusterProblem error={error} />
      <CandidateList clusterId={cluster.id} termId={term.id} busy={busy} onPick={appoint} />
      <CityPicker busy={busy} onPick={appoint} />
    </>
  )
}

/** Finds member cities by name (accents and case ignored by the API) to appoint one. */
function CityPicker({ busy, onPick }: { busy: boolean; onPick: (memberId: number, name: string) => void }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [q, setQ] = useState('')
  const found = useLoad(
    (signal) => (q ? listMembers({ q, size: 10, sort: 'name', lang: language }, signal) : Promise.resolve(undefined)),
    [q, language],
  )

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setQ(String(new FormData(event.currentTarget).get('q') ?? '').trim())
  }

  return (
    <section aria-labelledby="city-picker-title">
      <h2 id="city-picker-title">{t('clusters.appoint.pickTitle')}</h2>
      <form role="search" className="filters" onSubmit={submit}>
        <div className="field">
          <label htmlFor="appoint-q">{t('clusters.appoint.search')}</label>
          <input id="appoint-q" name="q" type="search" data-testid="appoint-q" />
        </div>
        <button type="submit" data-testid="appoint-search">
          {t('clusters.appoint.find')}
        </button>
      </form>
      {q && (
        <Loaded state={found} isEmpty={(data) => !data || data.items.length === 0} empty={t('clusters.appoint.noCity')}>
          {(data) => (
            <ul data-testid="appoint-results">
              {data!.items.map((city) => (
                <li key={city.id} data-testid="appoint-result" data-city={city.name}>
                  {city.name} ({city.country.name}
                  {city.unescoRegion ? `, ${city.unescoRegion.name}` : ''}){' '}
                  <button type="button" disabled={busy} onClick={() => onPick(city.id, city.name)} data-testid="coordinator-appoint">
                    {t('clusters.appoint.appoint')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      )}
    </section>
  )
}
