import type { Schemas } from '../api/client'
import type { Language } from '../i18n'

// Vocabularies of the toolkits' API, in the order the contract lists them (labels are in i18n).
export const RESOURCE_TYPES: Schemas['ResourceType'][] = [
  'CONCEPT_INTRODUCTION',
  'GUIDE',
  'TRAINING_MODULE',
  'COMPENDIUM',
  'REPORT',
  'COURSE_MODEL',
  'MENTORING_GUIDE',
  'CASE_STUDY',
  'POLICY_BRIEF',
  'VIDEO',
  'NEWSLETTER',
  'OTHER',
]
export const TARGET_GROUPS: Schemas['TargetGroup'][] = [
  'NEET',
  'FAMILIES',
  'VOLUNTEERS',
  'FRONTLINE_STAFF',
  'ELDERLY_PEOPLE',
  'MIGRANTS',
  'EMPLOYERS',
  'EMPLOYED',
  'UNEMPLOYED',
  'LEARNERS',
  'PUPILS',
  'TEACHERS',
  'LOCAL_AUTHORITIES',
  'POLICY_MAKERS',
  'PRACTITIONERS',
  'OTHER',
]
export const SEARCH_KINDS: Schemas['SearchKind'][] = ['RESOURCE', 'TOOLKIT', 'PROJECT', 'CASE_STUDY', 'MEMBER']
export const CASE_STUDY_STATUSES: Schemas['CaseStudyStatus'][] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'PUBLISHED']
/** The content languages offered in filters and forms (the API takes any BCP 47 tag). */
export const CONTENT_LANGUAGES = ['en', 'fr', 'es'] as const

export const PAGE_SIZE = 20

/** Where a search result (or translation-status row) is read in the app. */
export function contentPath(kind: Schemas['SearchKind'], id: number): string {
  switch (kind) {
    case 'PROJECT':
      return `/projects/${id}`
    case 'TOOLKIT':
      return `/toolkits/${id}`
    case 'RESOURCE':
      return `/resources/${id}`
    case 'CASE_STUDY':
      return `/case-studies/${id}`
    case 'MEMBER':
      return `/members/${id}`
  }
}

/** The library's URL filters, as the search takes them. */
export const SEARCH_FILTERS = ['kind', 'topic', 'language', 'region', 'targetGroup'] as const
export type SearchFilter = (typeof SEARCH_FILTERS)[number]

type SearchQuery = NonNullable<import('../api/schema').operations['search']['parameters']['query']>

/** The library URL (?q=…&kind=…&page=…) → the query of GET /api/search; null without words. */
export function searchQueryFromUrl(search: URLSearchParams, language: Language): SearchQuery | null {
  const q = search.get('q')?.trim()
  if (!q) return null
  const query: Record<string, string | number> = { q, page: Math.max(1, Number(search.get('page')) || 1), size: PAGE_SIZE, lang: language }
  for (const name of SEARCH_FILTERS) {
    const value = search.get(name)?.trim()
    if (value) query[name] = name === 'topic' ? Number(value) : value
  }
  return query as SearchQuery
}

/** A country's name (ISO 3166-1 alpha-2) in the UI language. */
export function countryName(code: string | null | undefined, language: Language): string {
  if (!code) return ''
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}

/** A file size for reading: "2.4 MB", "830 kB", "12 bytes" (decimal units, as the 25 MB limit is stated). */
export function fileSize(bytes: number, language: Language): string {
  const format = (value: number, unit: 'megabyte' | 'kilobyte' | 'byte') =>
    new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value)
  if (bytes >= 1_000_000) return format(bytes / 1_000_000, 'megabyte')
  if (bytes >= 1_000) return format(bytes / 1_000, 'kilobyte')
  return format(bytes, 'byte')
}
