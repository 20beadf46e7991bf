import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { formatDate } from '../components/format'
import { currentLanguage } from '../i18n'
import { ClusterProblem } from './ClusterProblem'
import { dayInTerm, type ClusterCity, type ClusterTerm } from './clustersApi'

/**
 * Join or leave this cluster for the caller's own cities (a focal point has one, sometimes more).
 * The day is dated within the term (today, or the term's nearest day once it is over).
 */
export function MyCityMembership(props: {
  term: ClusterTerm
  clusterId: number
  myCities: Schemas['MemberSummary'][]
  cities: ClusterCity[]
  onChanged: () => void
}) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="my-cities-title" data-testid="my-city-membership">
      <h3 id="my-cities-title">{t('clusters.mine.title')}</h3>
      <ul className="plain-list">
        {props.myCities.map((city) => (
          <MyCity
            key={city.id}
            city={city}
            membership={props.cities.find((member) => member.memberId === city.id && member.leftOn == null)}
            term={props.term}
            clusterId={props.clusterId}
            onChanged={props.onChanged}
          />
        ))}
      </ul>
    </section>
  )
}

function MyCity(props: {
  city: Schemas['MemberSummary']
  membership?: ClusterCity
  term: ClusterTerm
  clusterId: number
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const { city, membership, term } = props
  const [day, setDay] = useState(() => dayInTerm(term))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [done, setDone] = useState<'joined' | 'left' | null>(null)

  async function act(kind: 'joined' | 'left') {
    const path = { clusterId: props.clusterId, termId: term.id }
    setBusy(true)
    setError(undefined)
    setDone(null)
    try {
      if (kind === 'joined') {
        await api.POST('/api/clusters/{clusterId}/terms/{termId}/members', { params: { path }, body: { memberId: city.id, joinedOn: day } }).then(unwrap)
      } else {
        await api
          .POST('/api/clusters/{clusterId}/terms/{termId}/members/{memberId}/leave', {
            params: { path: { ...path, memberId: city.id } },
            body: { leftOn: day },
          })
          .then(unwrap)
      }
      setDone(kind)
      props.onChanged()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  const dateId = `my-city-${city.id}-day`
  return (
    <li data-testid="my-city" data-city={city.name}>
      <strong>{city.name}</strong>{' '}
      {membership ? (
        <span data-testid="my-city-state">
          {membership.coordinator
            ? t('clusters.mine.coordinates')
            : t('clusters.mine.member', { date: formatDate(membership.joinedOn, language) })}
        </span>
      ) : (
        <span data-testid="my-city-state">{t('clusters.mine.notMember')}</span>
      )}
      {!membership?.coordinator && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={dateId}>{membership ? t('clusters.mine.leftOn') : t('clusters.mine.joinedOn')}</label>
            <input
              id={dateId}
              type="date"
              min={membership?.joinedOn ?? term.startsOn}
              max={membership ? undefined : term.endsOn}
              value={day}
              onChange={(event) => setDay(event.target.value)}
              data-testid="my-city-day"
            />
          </div>
          <button type="button" disabled={busy} onClick={() => act(membership ? 'left' : 'joined')} data-testid={membership ? 'cluster-leave' : 'cluster-join'}>
            {membership ? t('clusters.mine.leave', { city: city.name }) : t('clusters.mine.join', { city: city.name })}
          </button>
        </div>
      )}
      {done && (
        <p role="status" className="notice" data-testid="my-city-done">
          {t(`clusters.mine.${done}`, { city: city.name })}
        </p>
      )}
      <ClusterProblem error={error} />
    </li>
  )
}
