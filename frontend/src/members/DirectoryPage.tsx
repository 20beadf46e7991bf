import { lazy, Suspense, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { Schemas } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { formatNumber } from '../components/format'
import { Pager, SortHeader } from '../components/Pager'
import { ProblemMessage } from '../components/ProblemMessage'
import { useLoad } from '../components/useLoad'
import { itemsOf, useCountries, useIncomeGroups, useRegions, useTopics } from '../components/useReference'
import { currentLanguage } from '../i18n'
import { AddMemberForm } from './AddMemberForm'
import { listMembers, memberPoints, memberQueryFromUrl, type FilterName } from './membersApi'

// The map brings d3-geo, topojson and the world outline: its own chunk, loaded after the table.
const WorldMap = lazy(() => import('./WorldMap'))

export const MEMBER_STATUSES: Schemas['MemberStatus'][] = ['MEMBER', 'SUSPENDED', 'WITHDRAWN']

export function DirectoryPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [search, setSearch] = useSearchParams()
  const isSecretariat = useHasRole('secretariat')
  const [adding, setAdding] = useState(false)
  const query = { ...memberQueryFromUrl(search), lang: language }
  const queryKey = JSON.stringify(query)

  const members = useLoad((signal) => listMembers(query, signal), [queryKey])
  const points = useLoad((signal) => memberPoints(query, signal), [JSON.stringify({ ...query, page: 0, sort: '' })])

  /** Changes URL parameters; any change of filter or sort starts again at page 1. */
  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(search)
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value)
      else next.delete(name)
    }
    if (!('page' in changes)) next.delete('page')
    setSearch(next)
  }

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const read = (name: FilterName) => String(form.get(name) ?? '').trim() || null
    update({ q: read('q'), joinedFrom: read('joinedFrom'), joinedTo: read('joinedTo') })
  }

  const hasFilters = [...search.keys()].some((name) => name !== 'sort' && name !== 'page')

  return (
    <>
      <h1>{t('directory.title')}</h1>
      {isSecretariat &&
        (adding ? (
          <AddMemberForm onCancel={() => setAdding(false)} />
        ) : (
          <p>
            <button type="button" onClick={() => setAdding(true)} data-testid="member-add">
              {t('member.add.open')}
            </button>
          </p>
        ))}
      <form role="search" className="filters" onSubmit={submitSearch} aria-label={t('directory.filters')}>
        <div className="field">
          <label htmlFor="directory-q">{t('directory.search')}</label>
          <input id="directory-q" name="q" type="search" key={`q:${search.get('q')}`} defaultValue={search.get('q') ?? ''} data-testid="directory-q" />
        </div>
        <div className="field">
          <label htmlFor="directory-joined-from">{t('directory.joinedFrom')}</label>
          <input
            id="directory-joined-from"
            name="joinedFrom"
            type="number"
            min={2012}
            key={`from:${search.get('joinedFrom')}`}
            defaultValue={search.get('joinedFrom') ?? ''}
            data-testid="directory-joinedFrom"
          />
        </div>
        <div className="field">
          <label htmlFor="directory-joined-to">{t('directory.joinedTo')}</label>
          <input
            id="directory-joined-to"
            name="joinedTo"
            type="number"
            min={2012}
            key={`to:${search.get('joinedTo')}`}
            defaultValue={search.get('joinedTo') ?? ''}
            data-testid="directory-joinedTo"
          />
        </div>
        <button type="submit" data-testid="directory-submit">
          {t('directory.apply')}
        </button>
        <FilterSelects values={search} onChange={(name, value) => update({ [name]: value })} />
        {hasFilters && (
          <button type="button" onClick={() => setSearch(new URLSearchParams())} data-testid="directory-clear">
            {t('directory.clear')}
          </button>
        )}
      </form>

      {members.status === 'loading' && <p role="status">{t('status.loading')}</p>}
      {members.status === 'failed' && <ProblemMessage error={members.error} />}
      {members.status === 'loaded' && (
        <>
          <p role="status" data-testid="directory-total">
            {t('directory.found', { count: members.data.total })}
          </p>
          {members.data.items.length === 0 ? (
            <p>{t('directory.none')}</p>
          ) : (
            // On a narrow screen the table scrolls inside this region, not the whole page (focusable, so keyboards can scroll it).
            <div className="table-scroll" role="region" aria-label={t('directory.title')} tabIndex={0}>
            <table className="data-table" data-testid="directory-table">
              <thead>
                <tr>
                  <SortHeader field="name" label={t('directory.column.name')} sort={query.sort ?? 'name'} onSort={(sort) => update({ sort })} />
                  <SortHeader field="country" label={t('directory.column.country')} sort={query.sort ?? ''} onSort={(sort) => update({ sort })} />
                  <SortHeader field="yearJoined" label={t('directory.column.yearJoined')} sort={query.sort ?? ''} onSort={(sort) => update({ sort })} />
                  <SortHeader field="population" label={t('directory.column.population')} sort={query.sort ?? ''} onSort={(sort) => update({ sort })} />
                  <th scope="col">{t('directory.column.status')}</th>
                </tr>
              </thead>
              <tbody>
                {members.data.items.map((member) => (
                  <tr key={member.id} data-testid="member-row">
                    <td>
                      <Link to={`/members/${member.id}`}>{member.name}</Link>
                      {member.localName && member.localName !== member.name && <span className="muted"> ({member.localName})</span>}
                    </td>
                    <td>{member.country.name}</td>
                    <td>{member.yearJoined}</td>
                    <td className="number">{formatNumber(member.population, language)}</td>
                    <td>{t(`memberStatus.${member.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          )}
          <Pager page={members.data.page} size={members.data.size} total={members.data.total} onPage={(page) => update({ page: String(page) })} />
        </>
      )}

      <section aria-labelledby="map-title" className="map-section">
        <h2 id="map-title">{t('directory.mapTitle')}</h2>
        {points.status === 'failed' ? (
          <ProblemMessage error={points.error} />
        ) : (
          <Suspense fallback={<p role="status">{t('status.loading')}</p>}>
            <WorldMap points={points.status === 'loaded' ? points.data : undefined} />
          </Suspense>
        )}
      </section>
    </>
  )
}

/** The filters that apply as soon as they change. */
function FilterSelects({ values, onChange }: { values: URLSearchParams; onChange: (name: FilterName, value: string | null) => void }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const countries = itemsOf(useCountries(language))
  const regions = itemsOf(useRegions(language))
  const incomeGroups = itemsOf(useIncomeGroups(language))
  const topics = itemsOf(useTopics(language))

  const select = (name: FilterName, label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`directory-${name}`}>{label}</label>
      <select
        id={`directory-${name}`}
        value={values.get(name) ?? ''}
        onChange={(event) => onChange(name, event.target.value || null)}
        data-testid={`directory-${name}`}
      >
        <option value="">{t('directory.any')}</option>
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
      {select('country', t('directory.country'), countries.map((c) => ({ value: c.iso2, label: c.name })))}
      {select('region', t('directory.region'), regions.map((r) => ({ value: r.code, label: r.name })))}
      {select('incomeGroup', t('directory.incomeGroup'), incomeGroups.map((g) => ({ value: g.code, label: g.name })))}
      {select('status', t('directory.status'), MEMBER_STATUSES.map((s) => ({ value: s, label: t(`memberStatus.${s}`) })))}
      {select('topic', t('directory.topic'), topics.map((topic) => ({ value: String(topic.number), label: topic.name })))}
    </>
  )
}
