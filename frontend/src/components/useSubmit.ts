import { useRef, useState } from 'react'

/**
 * A form's save: whether it is under way, and why it last failed (for SaveProblem and the field
 * errors). `submit` runs the request and hands its answer to `onDone`; a failure is kept, never
 * thrown, so the form stays as typed. A second submit while one is under way is ignored (a double
 * click or Enter pressed twice comes before React has disabled the button).
 */
export function useSubmit<T = void>(onDone?: (result: T) => void) {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>()
  const inFlight = useRef(false)
  async function submit(action: () => Promise<T>) {
    if (inFlight.current) return
    inFlight.current = true
    setSaving(true)
    setError(undefined)
    try {
      const result = await action()
      onDone?.(result)
    } catch (failure) {
      setError(failure)
    } finally {
      inFlight.current = false
      setSaving(false)
    }
  }
  return { saving, error, submit }
}
