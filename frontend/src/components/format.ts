import type { Language } from '../i18n'

/** Today in the user's time zone as YYYY-MM-DD, the form the API's dates take. */
export function today(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A YYYY-MM-DD date for reading; read as UTC so no time zone shifts it by a day. */
export function formatDate(date: string | null | undefined, language: Language): string {
  if (!date) return ''
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`))
}

export function formatDateTime(instant: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant))
}

export function formatNumber(value: number | null | undefined, language: Language): string {
  return value == null ? '' : new Intl.NumberFormat(language).format(value)
}

/** A language's name (ISO 639-1 code) in the UI language: "French", "francés", "français". */
export function languageName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}
