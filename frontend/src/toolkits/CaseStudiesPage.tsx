import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { useAuth, useHasRole } from '../auth/AuthProvider'
import { formatDate } from '../components/format'
import { Loaded } from '../components/Loaded'
import { Pager } from '../components/Pager'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { useMyCities } from '../members/useMyCities'
import { CaseStudyCategories } from './CaseStudyCategories'
import { CASE_STUDY_STATUSES, PAGE_SIZE } from './toolkitsApi'
import './toolkits.css'

/**
 * The fiches the caller may see, as the API scopes them: the public gets the published ones, a
 * focal point also their own cities' drafts, the secretariat every fiche (and a status filter).
 */
export function CaseStudiesPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const loggedIn = useAuth().status === 'authenticated'
  const isSecretariat = useHasRole('secretariat')
  const myCities = useMyCities()
  const [search, setSearch] = useSearchParams()
  const page = Math.max(1, Number(search.get('page')) || 1)
  const status = (search.get('status') || undefined) as Schemas['CaseStudyStatus'] | undefined
  // Asked again once logged in: a focal point's own drafts come only with the token.
  const fiches = useLoad(
    (signal) =>
      api.GET('/api/case-studies', { params: { query: { page, size: PAGE_SIZE, status, lang: language } }, signal }).then(unwrap),
    [page, status, language, loggedIn],
  )

  return (
    <>
      <p>
        <Link to="/library">{t('library.backToLibrary')}</Link>
      </p>
      <h1>{t('library.caseStudies.title')}</h1>
      {(myCities.length > 0 || isSecretariat) && (
        <p>
          <Link to="/case-studies/new" data-testid="case-study-new">
            {t('library.caseStudies.new')}
          </Link>
        </p>
      )}
      {isSecretariat && (
        <div className="filters">
          <div className="field">
            <label htmlFor="case-study-status">{t('library.caseStudy.status')}</label>
            <select
              id="case-study-status"
              value={status ?? ''}
              onChange={(event) => setSearch(event.target.value ? { status: event.target.value } : {})}
              data-testid="case-study-status-filter"
            >
              <option value="">{t('library.filter.any')}</option>
              {CASE_STUDY_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`library.caseStudyStatus.${value}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <Loaded state={fiches} isEmpty={(data) => data.items.length === 0} empty={t('library.caseStudies.none')}>
        {(data) => (
          <>
            <table className="data-table" data-testid="case-study-list">
              <thead>
                <tr>
                  <th scope="col">{t('library.caseStudy.name')}</th>
                  <th scope="col">{t('library.caseStudy.city')}</th>
                  <th scope="col">{t('library.caseStudy.status')}</th>
                  <th scope="col">{t('library.caseStudy.publishedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((fiche) => (
                  <tr key={fiche.id} data-testid="case-study-row" data-status={fiche.status}>
                    <td>
                      <Link to={`/case-studies/${fiche.id}`}>{fiche.name}</Link>
                    </td>
                    <td>{fiche.memberName}</td>
                    <td>{t(`library.caseStudyStatus.${fiche.status}`)}</td>
                    <td>{fiche.publishedAt && formatDate(fiche.publishedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager
              page={data.page}
              size={data.size}
              total={data.total}
              onPage={(next) => setSearch({ ...(status ? { status } : {}), page: String(next) })}
            />
          </>
        )}
      </Loaded>
      {isSecretariat && <CaseStudyCategories />}
    </>
  )
}
