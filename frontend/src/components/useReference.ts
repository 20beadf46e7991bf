import { api, unwrap, type Schemas } from '../api/client'
import type { Language } from '../i18n'
import { useLoad, type LoadState } from './useLoad'

// Reference data hardly ever changes: each list is fetched once per language and shared by
// every page (several forms and filters need the 249 countries).
const cache = new Map<string, Promise<unknown>>()

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let entry = cache.get(key) as Promise<T> | undefined
  if (!entry) {
    entry = load()
    cache.set(key, entry)
    entry.catch(() => cache.delete(key)) // a failure is not remembered: the next page tries again
  }
  return entry
}

/** Every country, by name in the chosen language (two pages: the API gives at most 200 at once). */
export function useCountries(language: Language): LoadState<Schemas['Country'][]> {
  return useLoad(
    () =>
      cached(`countries:${language}`, async () => {
        const countries: Schemas['Country'][] = []
        for (let page = 1; ; page++) {
          const query = { page, size: 200, sort: 'name', lang: language }
          const list = await api.GET('/api/reference/countries', { params: { query } }).then(unwrap)
          countries.push(...list.items)
          if (countries.length >= list.total || list.items.length === 0) return countries
        }
      }),
    [language],
  )
}

export function useTopics(language: Language): LoadState<Schemas['Topic'][]> {
  return useLoad(
    () =>
      cached(`topics:${language}`, () =>
        api.GET('/api/reference/topics', { params: { query: { lang: language } } }).then(unwrap).then((list) => list.items),
      ),
    [language],
  )
}

export function useRegions(language: Language): LoadState<Schemas['Region'][]> {
  return useLoad(
    () =>
      cached(`regions:${language}`, () =>
        api.GET('/api/reference/regions', { params: { query: { lang: language } } }).then(unwrap).then((list) => list.items),
      ),
    [language],
  )
}

export function useIncomeGroups(language: Language): LoadState<Schemas['IncomeGroup'][]> {
  return useLoad(
    () =>
      cached(`income-groups:${language}`, () =>
        api.GET('/api/reference/income-groups', { params: { query: { lang: language } } }).then(unwrap).then((list) => list.items),
      ),
    [language],
  )
}

/** The loaded items, or none while loading or after a failure (a filter then just has fewer options). */
export function itemsOf<T>(state: LoadState<T[]>): T[] {
  return state.status === 'loaded' ? state.data : []
}
