import { api, unwrap, type Schemas } from '../api/client'
import { ApiProblem } from '../api/problem'
import { today } from '../components/format'
import { useLoad, type LoadState } from '../components/useLoad'
import type { Language } from '../i18n'

export type Cluster = Schemas['Cluster']
export type ClusterTerm = Schemas['ClusterTerm']
export type ClusterCity = Schemas['ClusterCity']
export type Activity = Schemas['Activity']
export type WorkPlan = Schemas['WorkPlan']

export const WORK_AREAS = [1, 2, 3, 4] as const
export const ACTIVITY_STATUSES: Schemas['ActivityStatus'][] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED']
export const RESPONSIBLE_KINDS: Schemas['ResponsibleKind'][] = ['COORDINATING_CITY', 'MEMBER_CITY', 'PARTNER_ORGANISATION', 'SECRETARIAT']

/** A cluster's text in the UI language, else in English (the one language always there). */
export function localized(text: { en?: string | null; fr?: string | null; es?: string | null }, language: Language): string {
  return text[language] || text.en || ''
}

/**
 * An exact USD amount (a decimal string from the API) in the UI language: "$350,000", "350 000 $US".
 * Intl formats the decimal string itself, so no float rounding ever touches the money; cents
 * show only when there are any.
 */
export function formatUsd(amount: Schemas['UsdAmount'], language: Language): string {
  const options = { style: 'currency', currency: 'USD', trailingZeroDisplay: 'stripIfInteger' } as Intl.NumberFormatOptions
  // Intl.NumberFormat accepts decimal strings (ES2023); TypeScript's ES2022 types only know numbers.
  return new Intl.NumberFormat(language, options).format(amount as unknown as number)
}

/** Every term, latest first (there are a handful: one per two years); read again when `reloads` changes. */
export function useTerms(reloads = 0): LoadState<ClusterTerm[]> {
  return useLoad(
    (signal) => api.GET('/api/cluster-terms', { params: { query: { size: 100 } }, signal }).then(unwrap).then((list) => list.items),
    [reloads],
  )
}

/** The term named in the URL, else the latest one. */
export function chosenTerm(terms: ClusterTerm[], termParam: string | null): ClusterTerm | undefined {
  return terms.find((term) => String(term.id) === termParam) ?? terms[0]
}

export function useWorkAreas(language: Language): Schemas['WorkArea'][] {
  const areas = useLoad(
    (signal) =>
      api.GET('/api/reference/work-areas', { params: { query: { lang: language } }, signal }).then(unwrap).then((list) => list.items),
    [language],
  )
  return areas.status === 'loaded' ? areas.data : []
}

/** Today if it lies in the term, else the term's nearest day: joining and leaving are dated within it. */
export function dayInTerm(term: ClusterTerm): string {
  const day = today()
  if (day < term.startsOn) return term.startsOn
  if (day > term.endsOn) return term.endsOn
  return day
}

/** The rules of clusters whose refusals (409) get their own sentence in the UI. */
export const CLUSTER_RULES = ['three-clusters', 'two-coordinators', 'one-coordination'] as const
export type ClusterRule = (typeof CLUSTER_RULES)[number]

export function clusterRule(error: unknown): ClusterRule | undefined {
  if (!(error instanceof ApiProblem) || error.status !== 409 || !error.type) return undefined
  return CLUSTER_RULES.find((rule) => error.type!.endsWith(`/problems/${rule}`))
}
