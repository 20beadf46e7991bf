import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { languageName } from '../components/format'
import { Loaded } from '../components/Loaded'
import { RequireLogin } from '../components/LoginPrompt'
import { Pager } from '../components/Pager'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { CONTENT_LANGUAGES, contentPath, PAGE_SIZE } from './toolkitsApi'
import './toolkits.css'

// Member cities are not translated content: the filter offers the four kinds that are.
const KINDS: Schemas['SearchKind'][] = ['PROJECT', 'TOOLKIT', 'RESOURCE', 'CASE_STUDY']

/** For the secretariat: the projects, toolkits, resources and fiches that lack a language. */
export function TranslationStatusPage() {
  const { t } = useTranslation()
  return (
    <>
      <p>
        <Link to="/library">{t('library.backToLibrary')}</Link>
      </p>
      <h1>{t('library.translation.title')}</h1>
      <RequireLogin reason={t('library.translation.loginReason')}>
        <SecretariatOnly />
      </RequireLogin>
    </>
  )
}

function SecretariatOnly() {
  const { t } = useTranslation()
  if (!useHasRole('secretariat')) return <p data-testid="translation-forbidden">{t('library.translation.forbidden')}</p>
  return <StatusTable />
}

function StatusTable() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [search, setSearch] = useSearchParams()
  const kind = (search.get('kind') || undefined) as Schemas['SearchKind'] | undefined
  const missing = search.get('language') || undefined
  const page = Math.max(1, Number(search.get('page')) || 1)
  const status = useLoad(
    (signal) => api.GET('/api/translation-status', { params: { query: { kind, language: missing, page, size: PAGE_SIZE } }, signal }).then(unwrap),
    [kind, missing, page],
  )

  function update(name: string, value: string | null) {
    const next = new URLSearchParams(search)
    if (value) next.set(name, value)
    else next.delete(name)
    if (name !== 'page') next.delete('page')
    setSearch(next)
  }

  return (
    <>
      <p>{t('library.translation.intro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor="translation-kind">{t('library.filter.kind')}</label>
          <select id="translation-kind" value={kind ?? ''} onChange={(event) => update('kind', event.target.value || null)} data-testid="translation-kind">
            <option value="">{t('library.filter.any')}</option>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`library.kind.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="translation-language">{t('library.translation.missingLanguage')}</label>
          <select id="translation-language" value={missing ?? ''} onChange={(event) => update('language', event.target.value || null)} data-testid="translation-language">
            <option value="">{t('library.filter.any')}</option>
            {CONTENT_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code, language)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Loaded state={status} isEmpty={(data) => data.items.length === 0} empty={t('library.translation.none')}>
        {(data) => (
          <>
            <p role="status" data-testid="translation-total">
              {t('library.translation.found', { count: data.total })}
            </p>
            <table className="data-table" data-testid="translation-table">
              <thead>
                <tr>
                  <th scope="col">{t('library.translation.kind')}</th>
                  <th scope="col">{t('library.translation.content')}</th>
                  <th scope="col">{t('library.translation.original')}</th>
                  <th scope="col">{t('library.translation.has')}</th>
                  <th scope="col">{t('library.translation.missing')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={`${item.kind}-${item.id}`} data-testid="translation-row">
                    <td>{t(`library.kind.${item.kind}`)}</td>
                    <td>
                      <Link to={contentPath(item.kind, item.id)}>{item.title}</Link>
                    </td>
                    <td>{languageName(item.originalLanguage, language)}</td>
                    <td>{item.languages.map((code) => code.toUpperCase()).join(' ')}</td>
                    <td data-testid="translation-missing">{item.missing.map((code) => code.toUpperCase()).join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={data.page} size={data.size} total={data.total} onPage={(next) => update('page', String(next))} />
          </>
        )}
      </Loaded>
    </>
  )
}
