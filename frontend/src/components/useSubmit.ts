import { useState } from 'react'

/**
 * A form's save: whether it is under way, and why it last failed (for SaveProblem and the field
 * errors). `submit` runs the request; a failure is kept, never thrown, so the form stays as typed.
 */
export function useSubmit(): { saving: boolean; error: unknown; submit: (action: () => Promise<void>) => Promise<void> } {
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>()
  async function submit(action: () => Promise<void>) {
    setSaving(true)
    setError(undefined)
    try {
      await action()
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }
  return { saving, error, submit }
}
