import { useTranslation } from 'react-i18next'
import { ApiProblem } from '../api/problem'
import { SaveProblem } from '../components/SaveProblem'
import { clusterRule } from './clustersApi'

/**
 * Why a cluster action failed. A refusal by one of the clusters' rules (three clusters per city,
 * two coordinators per cluster, one coordination per city) is said in the UI language, followed by
 * the server's detail, which names the clusters involved; anything else is the usual problem.
 */
export function ClusterProblem({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation()
  const rule = clusterRule(error)
  if (!rule) return <SaveProblem error={error} onReload={onReload} />
  const detail = error instanceof ApiProblem ? error.detail : undefined
  return (
    <div role="alert" className="problem" data-testid="cluster-rule-problem" data-rule={rule}>
      <p>
        <strong>{t(`clusters.rule.${rule}`)}</strong>
        {detail && <> {detail}</>}
      </p>
    </div>
  )
}
