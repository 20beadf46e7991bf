import { useEffect, useState, type DependencyList } from 'react'

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'loaded'; data: T }
  | { status: 'failed'; error: unknown }

/**
 * Runs `load` now and again whenever `deps` change. The previous run is aborted, so a
 * slow answer for the old language can never overwrite the answer for the new one.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): LoadState<T> {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' })

  useEffect(() => {
    const controller = new AbortController()
    setState({ status: 'loading' })
    load(controller.signal).then(
      (data) => controller.signal.aborted || setState({ status: 'loaded', data }),
      (error: unknown) => controller.signal.aborted || setState({ status: 'failed', error }),
    )
    return () => controller.abort()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `load` depends on
  }, deps)

  return state
}
