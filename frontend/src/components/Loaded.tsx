import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemMessage } from './ProblemMessage'
import type { LoadState } from './useLoad'

/** Loading, error and empty states around the content of a loaded resource. */
export function Loaded<T>(props: {
  state: LoadState<T>
  isEmpty?: (data: T) => boolean
  empty?: string
  children: (data: T) => ReactNode
}) {
  const { t } = useTranslation()
  const { state } = props
  if (state.status === 'loading') return <p role="status">{t('status.loading')}</p>
  if (state.status === 'failed') return <ProblemMessage error={state.error} />
  if (props.isEmpty?.(state.data)) return <p>{props.empty}</p>
  return <>{props.children(state.data)}</>
}
