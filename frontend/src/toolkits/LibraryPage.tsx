import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { languageName } from '../components/format'
import { Loaded } from '../components/Loaded'
import { Pager } from '../components/Pager'
import { useLoad } from '../components/useLoad'
import { itemsOf, useRegions, useTopics } from '../components/useReference'
import { currentLanguage } from '../i18n'
import { Snippet } from './parts'
import { CONTENT_LANGUAGES, contentPath, PAGE_SIZE, SEARCH_KINDS, searchQueryFromUrl, TARGET_GROUPS, type SearchFilter } from './toolkitsApi'
import './toolkits.css'

/**
 * The library: one search box over projects, toolkits, resources, fiches and member cities. The
 * words and filters live in the URL (`/library?q=mentorat&kind=RESOURCE`), so a search can be
 * linked (the home page does) and survives a reload.
 */
export function LibraryPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [search, setSearch] = useSearchParams()
  const isSecretariat = useHasRole('secretariat')
  const query = searchQueryFromUrl(search, language)
  const queryKey = JSON.stringify(query)

  const results = useLoad(
    async (signal) => (query ? api.GET('/api/search', { params: { query }, signal }).then(unwrap) : null),
    [queryKey],
  )

  /** Changes URL parameters; a new search or filter starts again at page 1. */
  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(search)
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value)
      else next.delete(name)
    }
    if (!('page' in changes)) next.delete('page')
    setSearch(next)
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    update({ q: String(new FormData(event.currentTarget).get('q') ?? '').trim() || null })
  }

  return (
    <>
      <h1>{t('library.title')}</h1>
      <p>{t('library.intro')}</p>
      <form role="search" className="filters" onSubmit={submit} aria-label={t('library.search.label')}>
        <div className="field">
          <label htmlFor="library-q">{t('library.search.words')}</label>
          <input id="library-q" name="q" type="search" key={`q:${search.get('q')}`} defaultValue={search.get('q') ?? ''} data-testid="library-q" />
        </div>
        <button type="submit" data-testid="library-submit">
          {t('library.search.submit')}
        </button>
        <SearchFilters values={search} onChange={(name, value) => update({ [name]: value })} />
      </form>

      {query === null ? (
        <Browse isSecretariat={isSecretariat} />
      ) : (
        <Loaded state={results}>
          {(data) =>
            data && (
              <>
                <p role="status" data-testid="library-total">
                  {t('library.search.found', { count: data.total })}
                </p>
                {data.items.length === 0 ? (
                  <p data-testid="library-none">{t('library.search.none')}</p>
                ) : (
                  <ol className="search-results" data-testid="search-results">
                    {data.items.map((result) => (
                      <li key={`${result.kind}-${result.id}`} data-testid="search-result" data-kind={result.kind}>
                        <span className="kind-label">
                          {t(`library.kind.${result.kind}`)}
                          {result.resourceType && ` · ${t(`library.resourceType.${result.resourceType}`)}`}
                          {result.language && ` · ${languageName(result.language, language)}`}
                        </span>
                        <h2 lang={result.language ?? undefined}>
                          <Link to={contentPath(result.kind, result.id)} data-testid="search-result-link">
                            {result.title}
                          </Link>
                        </h2>
                        <div lang={result.language ?? undefined}>
                          <Snippet segments={result.snippet} />
                        </div>
                      </li>
                    ))}
                  </ol>
                )}
                <Pager page={data.page} size={data.size} total={data.total} onPage={(page) => update({ page: String(page) })} />
              </>
            )
          }
        </Loaded>
      )}
    </>
  )
}

/** The filters that apply as soon as they change. */
function SearchFilters({ values, onChange }: { values: URLSearchParams; onChange: (name: SearchFilter, value: string | null) => void }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const topics = itemsOf(useTopics(language))
  const regions = itemsOf(useRegions(language))

  const select = (name: SearchFilter, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`library-${name}`}>{t(`library.filter.${name}`)}</label>
      <select id={`library-${name}`} value={values.get(name) ?? ''} onChange={(event) => onChange(name, event.target.value || null)} data-testid={`library-${name}`}>
        <option value="">{t('library.filter.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )

  return (
    <>
      {select('kind', SEARCH_KINDS.map((kind) => ({ value: kind, label: t(`library.kind.${kind}`) })))}
      {select('topic', topics.map((topic) => ({ value: String(topic.number), label: topic.name })))}
      {select('language', CONTENT_LANGUAGES.map((code) => ({ value: code, label: languageName(code, language) })))}
      {select('region', regions.map((region) => ({ value: region.code, label: region.name })))}
      {select('targetGroup', TARGET_GROUPS.map((group) => ({ value: group, label: t(`library.targetGroup.${group}`) })))}
    </>
  )
}

/** Without search words: the toolkits, and the ways into projects, fiches and translation status. */
function Browse({ isSecretariat }: { isSecretariat: boolean }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const toolkits = useLoad(
    (signal) => api.GET('/api/toolkits', { params: { query: { page: 1, size: PAGE_SIZE, lang: language } }, signal }).then(unwrap),
    [language],
  )
  return (
    <>
      {isSecretariat && (
        <p className="actions">
          <Link to="/toolkits/new" data-testid="toolkit-new">
            {t('library.toolkitForm.newTitle')}
          </Link>
          <Link to="/resources/new" data-testid="resource-new">
            {t('library.resourceForm.newTitle')}
          </Link>
          <Link to="/projects/new" data-testid="library-project-new">
            {t('library.projectForm.newTitle')}
          </Link>
        </p>
      )}
      <section aria-labelledby="library-toolkits-title">
        <h2 id="library-toolkits-title">{t('library.toolkits.title')}</h2>
        <Loaded state={toolkits} isEmpty={(data) => data.items.length === 0} empty={t('library.toolkits.none')}>
          {(data) => (
            <ul className="card-list" data-testid="toolkit-list">
              {data.items.map((toolkit) => (
                <li key={toolkit.id}>
                  <Link to={`/toolkits/${toolkit.id}`} data-testid="toolkit-link">
                    {toolkit.title}
                  </Link>
                  {toolkit.project && <span className="muted"> · {toolkit.project.acronym}</span>}
                  {toolkit.summary && <p>{toolkit.summary}</p>}
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </section>
      <ul className="library-links">
        <li>
          <Link to="/projects" data-testid="library-projects">
            {t('library.projects.title')}
          </Link>
        </li>
        <li>
          <Link to="/case-studies" data-testid="library-case-studies">
            {t('library.caseStudies.title')}
          </Link>
        </li>
        {isSecretariat && (
          <li>
            <Link to="/translation-status" data-testid="library-translation-status">
              {t('library.translation.title')}
            </Link>
          </li>
        )}
      </ul>
    </>
  )
}
