import { useTranslation } from 'react-i18next'
import type { ClusterTerm } from './clustersApi'

/** Which term the page shows; the choice lives in the URL (`?term=`), so a view can be linked. */
export function TermSelect(props: { terms: ClusterTerm[]; term: ClusterTerm; onChange: (termId: number) => void }) {
  const { t } = useTranslation()
  return (
    <div className="field">
      <label htmlFor="cluster-term">{t('clusters.term')}</label>
      <select id="cluster-term" value={props.term.id} onChange={(event) => props.onChange(Number(event.target.value))} data-testid="cluster-term">
        {props.terms.map((term) => (
          <option key={term.id} value={term.id}>
            {term.code}
          </option>
        ))}
      </select>
    </div>
  )
}
