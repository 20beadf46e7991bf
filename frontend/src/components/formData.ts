// Reading form fields into API values. Inputs are named after the JSON property paths
// (e.g. "mayor.name"), so a field error from the API finds its input by the same name.

/** The trimmed text, or null when empty. */
export function text(form: FormData, name: string): string | null {
  const value = form.get(name)
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

/** Required text: empty stays '' so that the API answers with its own field error. */
export function requiredText(form: FormData, name: string): string {
  return text(form, name) ?? ''
}

/**
 * A number, or null when empty. Text that is not a number is sent as-is (NaN would become
 * null in JSON and silently erase the value); the API then names the field.
 */
export function number(form: FormData, name: string): number | null {
  const value = text(form, name)
  if (value === null) return null
  const parsed = Number(value)
  return Number.isNaN(parsed) ? (value as unknown as number) : parsed
}

/** Every checked value of a checkbox group. */
export function values(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === 'string')
}

/** "es, en fr" → ["es", "en", "fr"]. */
export function codeList(form: FormData, name: string): string[] {
  return (text(form, name) ?? '').split(/[\s,;]+/).filter(Boolean).map((code) => code.toLowerCase())
}

/** The lines of a textarea, trimmed, blank ones dropped. */
export function lines(form: FormData, name: string): string[] {
  return (text(form, name) ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}
