import { api, unwrap, type Schemas } from '../api/client'
import type { operations } from '../api/schema'

export type MemberQuery = NonNullable<operations['listMembers']['parameters']['query']>

/** The filters of the directory as they stand in the page's URL (so a filtered list can be linked). */
export const FILTER_NAMES = ['q', 'country', 'region', 'incomeGroup', 'status', 'topic', 'joinedFrom', 'joinedTo'] as const
export type FilterName = (typeof FILTER_NAMES)[number]

export const PAGE_SIZE = 20

/** The directory's URL query → the API's query (filters, sort and page; unknown or empty values left out). */
export function memberQueryFromUrl(search: URLSearchParams): MemberQuery {
  const query: Record<string, string | number> = {}
  for (const name of FILTER_NAMES) {
    const value = search.get(name)?.trim()
    if (!value) continue
    query[name] = ['topic', 'joinedFrom', 'joinedTo'].includes(name) ? Number(value) : value
  }
  query.sort = search.get('sort') || 'name'
  query.page = Math.max(1, Number(search.get('page')) || 1)
  query.size = PAGE_SIZE
  return query as MemberQuery
}

// GET /api/members answers in three media types; openapi-fetch types `data` as their union,
// so these two helpers say which one each call asks for.

export function listMembers(query: MemberQuery, signal: AbortSignal): Promise<Schemas['MemberSummaryList']> {
  return api.GET('/api/members', { params: { query }, signal }).then(unwrap) as Promise<Schemas['MemberSummaryList']>
}

/** The same filtered list as GeoJSON points for the map (every match: paging and sort are left out). */
export function memberPoints(query: MemberQuery, signal: AbortSignal): Promise<Schemas['MemberFeatureCollection']> {
  const { page: _page, size: _size, sort: _sort, ...filters } = query
  return api
    .GET('/api/members', { params: { query: filters }, headers: { Accept: 'application/geo+json' }, signal })
    .then(unwrap) as Promise<Schemas['MemberFeatureCollection']>
}
