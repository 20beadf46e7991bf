import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../api/client'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { itemsOf, useRegions } from '../components/useReference'
import { currentLanguage } from '../i18n'

/**
 * The survey's candidate cities for this cluster and term (willing to coordinate it, with their
 * region), so the secretariat appoints with regional balance in view. A city that already
 * coordinates another cluster in an overlapping term is shown but cannot be picked.
 */
export function CandidateList({ clusterId, termId, onPick, busy }: { clusterId: number; termId: number; onPick: (memberId: number, name: string) => void; busy: boolean }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const regions = itemsOf(useRegions(language))
  const regionName = (code: string) => regions.find((region) => region.code === code)?.name ?? code
  const candidates = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}/terms/{termId}/candidates', { params: { path: { clusterId, termId } }, signal }).then(unwrap),
    [clusterId, termId],
  )
  return (
    <section aria-labelledby="candidates-title">
      <h2 id="candidates-title">{t('clusters.appoint.candidatesTitle')}</h2>
      <Loaded state={candidates} isEmpty={(data) => data.items.length === 0} empty={t('clusters.appoint.noCandidates')}>
        {(data) => (
          <ul data-testid="candidate-list">
            {data.items.map((candidate) => (
              <li key={candidate.memberId} data-testid="candidate" data-city={candidate.name}>
                {candidate.name} ({candidate.country}, {regionName(candidate.region)}) —{' '}
                {candidate.namedThisCluster ? t('clusters.appoint.namedThis') : t('clusters.appoint.anyCluster')}
                {candidate.coordinatesElsewhere ? (
                  <> — {t('clusters.appoint.elsewhere', { cluster: candidate.coordinatesElsewhere })}</>
                ) : (
                  <>
                    {' '}
                    <button type="button" disabled={busy} onClick={() => onPick(candidate.memberId, candidate.name)} data-testid="candidate-appoint">
                      {t('clusters.appoint.appoint')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  )
}
