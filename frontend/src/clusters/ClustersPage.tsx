import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { Loaded } from '../components/Loaded'
import { ProblemMessage } from '../components/ProblemMessage'
import { useLoad } from '../components/useLoad'
import { itemsOf, useRegions, useTopics } from '../components/useReference'
import { currentLanguage, type Language } from '../i18n'
import { chosenTerm, formatUsd, localized, useTerms, useWorkAreas, type Cluster, type ClusterTerm } from './clustersApi'
import { TermForm } from './TermForm'
import { TermSelect } from './TermSelect'

/** Every cluster in a term: topics, coordinators, members per UNESCO region; and the term's planned costs. */
export function ClustersPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [search, setSearch] = useSearchParams()
  const isSecretariat = useHasRole('secretariat')
  const [termReloads, setTermReloads] = useState(0)
  const [addingTerm, setAddingTerm] = useState(false)
  const terms = useTerms(termReloads)
  const clusters = useLoad(
    (signal) => api.GET('/api/clusters', { params: { query: { size: 100 } }, signal }).then(unwrap).then((list) => list.items),
    [],
  )

  return (
    <>
      <h1>{t('clusters.title')}</h1>
      <p>{t('clusters.intro')}</p>
      <ul className="plain-list" data-testid="clusters-links">
        <li>
          <Link to={`/surveys${search.get('term') ? `?term=${search.get('term')}` : ''}`} data-testid="surveys-link">
            {t('surveys.title')}
          </Link>
        </li>
        {isSecretariat && (
          <>
            <li>
              <Link to="/clusters/due-reports" data-testid="due-reports-link">
                {t('clusters.due.title')}
              </Link>
            </li>
            <li>
              <Link to="/clusters/new" data-testid="cluster-new-link">
                {t('clusters.form.newTitle')}
              </Link>
            </li>
          </>
        )}
      </ul>
      {isSecretariat &&
        (addingTerm ? (
          <TermForm
            onSaved={(term) => {
              setAddingTerm(false)
              setTermReloads((n) => n + 1)
              setSearch({ term: String(term.id) })
            }}
            onCancel={() => setAddingTerm(false)}
          />
        ) : (
          <p>
            <button type="button" onClick={() => setAddingTerm(true)} data-testid="term-new">
              {t('clusters.termForm.title')}
            </button>
          </p>
        ))}
      <Loaded state={terms} isEmpty={(data) => data.length === 0} empty={t('clusters.noTerms')}>
        {(data) => {
          const term = chosenTerm(data, search.get('term'))!
          return (
            <>
              <TermSelect terms={data} term={term} onChange={(termId) => setSearch({ term: String(termId) })} />
              <Loaded state={clusters} isEmpty={(items) => items.length === 0} empty={t('clusters.none')}>
                {(items) => <ClusterTable clusters={items} term={term} language={language} />}
              </Loaded>
              <TermSums term={term} language={language} />
            </>
          )
        }}
      </Loaded>
    </>
  )
}

function ClusterTable({ clusters, term, language }: { clusters: Cluster[]; term: ClusterTerm; language: Language }) {
  const { t } = useTranslation()
  const topics = itemsOf(useTopics(language))
  const topicName = (number: number) => topics.find((topic) => topic.number === number)?.name ?? String(number)
  return (
    <table className="data-table" data-testid="clusters-table">
      <thead>
        <tr>
          <th scope="col">{t('clusters.column.name')}</th>
          <th scope="col">{t('clusters.column.topics')}</th>
          <th scope="col">{t('clusters.column.coordinators')}</th>
          <th scope="col">{t('clusters.column.members')}</th>
        </tr>
      </thead>
      <tbody>
        {clusters.map((cluster) => (
          <tr key={cluster.id} data-testid="cluster-row" data-cluster-id={cluster.id}>
            <td>
              <Link to={`/clusters/${cluster.id}?term=${term.id}`}>{localized(cluster.name, language)}</Link>
              {cluster.status === 'CLOSED' && <span className="muted"> ({t('clusters.status.CLOSED')})</span>}
            </td>
            <td>{cluster.topics.map(topicName).join('; ')}</td>
            <ClusterParticipation clusterId={cluster.id} termId={term.id} language={language} />
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The coordinators' and members' cells of one cluster's row. */
function ClusterParticipation({ clusterId, termId, language }: { clusterId: number; termId: number; language: Language }) {
  const { t } = useTranslation()
  const path = { clusterId, termId }
  const coordinators = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}/terms/{termId}/coordinators', { params: { path }, signal }).then(unwrap),
    [clusterId, termId],
  )
  const balance = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}/terms/{termId}/balance', { params: { path }, signal }).then(unwrap),
    [clusterId, termId],
  )
  return (
    <>
      <td data-testid="cluster-coordinators">
        <Loaded state={coordinators} isEmpty={(data) => data.items.length === 0} empty={t('clusters.noCoordinators')}>
          {(data) => data.items.map((city) => city.name).join(', ')}
        </Loaded>
      </td>
      <td data-testid="cluster-members">
        {balance.status === 'failed' ? <ProblemMessage error={balance.error} /> : <RegionCounts balance={balance.status === 'loaded' ? balance.data : undefined} language={language} />}
      </td>
    </>
  )
}

/** "12 — Africa 2, Europe and North America 10": the regions without members are left out. */
export function RegionCounts({ balance, language }: { balance?: Schemas['RegionalBalance']; language: Language }) {
  const { t } = useTranslation()
  const regions = itemsOf(useRegions(language))
  if (!balance) return <span role="status">{t('status.loading')}</span>
  const regionName = (code: string) => regions.find((region) => region.code === code)?.name ?? code
  const present = balance.regions.filter((count) => count.members > 0)
  return (
    <>
      <strong data-testid="member-total">{balance.members}</strong>
      {present.length > 0 && <> — {present.map((count) => `${regionName(count.region)} ${count.members}`).join(', ')}</>}
    </>
  )
}

/** Planned costs over every cluster of the term, per work area and in total. */
function TermSums({ term, language }: { term: ClusterTerm; language: Language }) {
  const { t } = useTranslation()
  const workAreas = useWorkAreas(language)
  const sums = useLoad(
    (signal) => api.GET('/api/cluster-terms/{termId}/work-plan-sums', { params: { path: { termId: term.id } }, signal }).then(unwrap),
    [term.id],
  )
  return (
    <section aria-labelledby="term-sums-title">
      <h2 id="term-sums-title">{t('clusters.termSums', { term: term.code })}</h2>
      <Loaded state={sums}>
        {(data) => (
          <dl className="facts" data-testid="term-sums">
            {data.workAreas.map((area) => (
              <div key={area.workArea} style={{ display: 'contents' }}>
                <dt>{workAreas.find((known) => known.number === area.workArea)?.name ?? t('workPlan.areaNumber', { number: area.workArea })}</dt>
                <dd className="number">{formatUsd(area.totalUsd, language)}</dd>
              </div>
            ))}
            <dt>{t('workPlan.total')}</dt>
            <dd className="number" data-testid="term-total">
              {formatUsd(data.totalUsd, language)}
            </dd>
          </dl>
        )}
      </Loaded>
    </section>
  )
}
