import { useState } from 'react'

/**
 * A form's save: whether it is under way, and why it last failed (for SaveProblem and the field
 * errors). `submit` runs the request and hands its answer to `onDone`; a failure is kept, never
 * thrown, so the form stays as typed.
 */
export function useSubmit<T = void>(onDone?: (result: T) => void) {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>()
  async function submit(action: () => Promise<T>) {
    setSaving(true)
    setError(undefined)
    try {
      const result = await action()
      onDone?.(result)
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }
  return { saving, error, submit }
}
