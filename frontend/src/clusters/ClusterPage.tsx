import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { formatDate } from '../components/format'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { itemsOf, useRegions, useTopics } from '../components/useReference'
import { currentLanguage, type Language } from '../i18n'
import { useMyCities } from '../members/useMyCities'
import { NotFoundPage } from '../pages/NotFoundPage'
import { ClusterReports } from './ClusterReports'
import { chosenTerm, localized, useTerms, type Cluster, type ClusterCity, type ClusterTerm } from './clustersApi'
import { MemberProgressSection } from './MemberProgressSection'
import { MyCityMembership } from './MyCityMembership'
import { TermSelect } from './TermSelect'
import { WorkPlanSection } from './WorkPlanSection'
import './clusters.css'

export function ClusterPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const clusterId = Number(useParams().id)
  const [search, setSearch] = useSearchParams()
  const terms = useTerms()
  const cluster = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}', { params: { path: { clusterId } }, signal }).then(unwrap),
    [clusterId],
  )
  if (!Number.isInteger(clusterId) || clusterId <= 0) return <NotFoundPage />

  return (
    <Loaded state={cluster}>
      {(data) => (
        <article data-testid="cluster-page">
          <p>
            <Link to={`/clusters${search.get('term') ? `?term=${search.get('term')}` : ''}`}>{t('clusters.back')}</Link>
          </p>
          <h1 data-testid="cluster-name">{localized(data.name, language)}</h1>
          <ClusterDetails cluster={data} language={language} />
          <Loaded state={terms} isEmpty={(items) => items.length === 0} empty={t('clusters.noTerms')}>
            {(items) => {
              const term = chosenTerm(items, search.get('term'))!
              return (
                <>
                  <TermSelect terms={items} term={term} onChange={(termId) => setSearch({ term: String(termId) })} />
                  <ClusterInTerm key={term.id} cluster={data} term={term} language={language} />
                </>
              )
            }}
          </Loaded>
        </article>
      )}
    </Loaded>
  )
}

function ClusterDetails({ cluster, language }: { cluster: Cluster; language: Language }) {
  const { t } = useTranslation()
  const isSecretariat = useHasRole('secretariat')
  const topics = itemsOf(useTopics(language))
  const description = localized(cluster.description, language)
  return (
    <>
      {description && (
        <p className="narrative" data-testid="cluster-description">
          {description}
        </p>
      )}
      <dl className="facts">
        <dt>{t('clusters.column.topics')}</dt>
        <dd data-testid="cluster-topics">
          {cluster.topics.map((number) => topics.find((topic) => topic.number === number)?.name ?? String(number)).join('; ')}
        </dd>
        <dt>{t('clusters.statusLabel')}</dt>
        <dd data-testid="cluster-status-text">{t(`clusters.status.${cluster.status}`)}</dd>
      </dl>
      {isSecretariat && (
        <p>
          <Link to={`/clusters/${cluster.id}/edit`} data-testid="cluster-edit-link">
            {t('clusters.form.editTitle')}
          </Link>
        </p>
      )}
    </>
  )
}

/** Everything of the cluster that belongs to one term: who takes part, the work plan, reports. */
function ClusterInTerm({ cluster, term, language }: { cluster: Cluster; term: ClusterTerm; language: Language }) {
  const { t } = useTranslation()
  const isSecretariat = useHasRole('secretariat')
  const isCoordinatorRole = useHasRole('coordinator')
  const myCities = useMyCities()
  const [reloads, setReloads] = useState(0)
  const path = { clusterId: cluster.id, termId: term.id }
  const members = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}/terms/{termId}/members', { params: { path }, signal }).then(unwrap),
    [cluster.id, term.id, reloads],
  )
  const balance = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}/terms/{termId}/balance', { params: { path }, signal }).then(unwrap),
    [cluster.id, term.id, reloads],
  )
  // The last members read stay in use while a join or leave reloads them, so the city's panel
  // (and its "has joined" notice) is not unmounted and remounted by the reload.
  const lastMembers = useRef<ClusterCity[] | null>(null)
  if (members.status === 'loaded') lastMembers.current = members.data.items
  const cities = lastMembers.current ?? []
  const current = cities.filter((city) => city.leftOn == null)
  // The API lets a coordinator manage the plan when one of their cities coordinates this cluster in this term.
  const coordinatesIt = isCoordinatorRole && current.some((city) => city.coordinator && myCities.some((mine) => mine.id === city.memberId))
  const canManage = isSecretariat || coordinatesIt

  return (
    <>
      <section aria-labelledby="participation-title" data-testid="participation">
        <h2 id="participation-title">{t('clusters.participation')}</h2>
        {isSecretariat && (
          <p>
            <Link to={`/clusters/${cluster.id}/coordinators?term=${term.id}`} data-testid="appoint-link">
              {t('clusters.appoint.open')}
            </Link>
          </p>
        )}
        <Loaded state={members}>
          {() => (
            <>
              <CityList title={t('clusters.coordinators')} cities={current.filter((city) => city.coordinator)} testId="coordinator-list" empty={t('clusters.noCoordinators')} language={language} />
              <CityList title={t('clusters.members')} cities={current.filter((city) => !city.coordinator)} testId="member-list" empty={t('clusters.noMembers')} language={language} />
            </>
          )}
        </Loaded>
        <Loaded state={balance}>{(data) => <BalanceView balance={data} language={language} />}</Loaded>
        {myCities.length > 0 && lastMembers.current !== null && (
          <MyCityMembership term={term} clusterId={cluster.id} myCities={myCities} cities={cities} onChanged={() => setReloads((n) => n + 1)} />
        )}
      </section>
      <WorkPlanSection clusterId={cluster.id} termId={term.id} canManage={canManage} language={language} />
      {lastMembers.current !== null && (
        <MemberProgressSection
          clusterId={cluster.id}
          term={term}
          // Coordinator and secretariat write for every city of the cluster in the term (also those who left); a focal point for their own.
          cities={canManage ? cities : cities.filter((city) => myCities.some((mine) => mine.id === city.memberId))}
          language={language}
        />
      )}
      <ClusterReports clusterId={cluster.id} term={term} canManage={canManage} language={language} />
    </>
  )
}

function CityList(props: { title: string; cities: ClusterCity[]; testId: string; empty: string; language: Language }) {
  const { t } = useTranslation()
  return (
    <>
      <h3>{props.title}</h3>
      {props.cities.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul data-testid={props.testId}>
          {props.cities.map((city) => (
            <li key={city.memberId}>
              <Link to={`/members/${city.memberId}`}>{city.name}</Link> ({city.country})
              {city.joinedOn && <span className="muted"> · {t('clusters.joinedOn', { date: formatDate(city.joinedOn, props.language) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** Members and coordinators per UNESCO region, and a warning when both coordinators share one. */
function BalanceView({ balance, language }: { balance: Schemas['RegionalBalance']; language: Language }) {
  const { t } = useTranslation()
  const regions = itemsOf(useRegions(language))
  return (
    <>
      <h3>{t('clusters.balance.title')}</h3>
      {balance.sameRegionCoordinators && (
        <p className="notice" role="note" data-testid="same-region-flag">
          {t('clusters.balance.sameRegion')}
        </p>
      )}
      <table className="data-table" data-testid="balance-table">
        <thead>
          <tr>
            <th scope="col">{t('clusters.balance.region')}</th>
            <th scope="col" className="number">
              {t('clusters.balance.members')}
            </th>
            <th scope="col" className="number">
              {t('clusters.balance.coordinators')}
            </th>
          </tr>
        </thead>
        <tbody>
          {balance.regions.map((count) => (
            <tr key={count.region} data-region={count.region}>
              <th scope="row">{regions.find((region) => region.code === count.region)?.name ?? count.region}</th>
              <td className="number">{count.members}</td>
              <td className="number">{count.coordinators}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('clusters.balance.total')}</th>
            <td className="number" data-testid="balance-members">
              {balance.members}
            </td>
            <td className="number">{balance.coordinators}</td>
          </tr>
        </tfoot>
      </table>
    </>
  )
}
