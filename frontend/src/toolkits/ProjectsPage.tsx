import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { formatDate } from '../components/format'
import { Loaded } from '../components/Loaded'
import { Pager } from '../components/Pager'
import { useLoad } from '../components/useLoad'
import { formatMoney } from '../fund/money'
import { currentLanguage } from '../i18n'
import { PAGE_SIZE } from './toolkitsApi'
import './toolkits.css'

/** Every project, a page at a time. */
export function ProjectsPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [search, setSearch] = useSearchParams()
  const isSecretariat = useHasRole('secretariat')
  const page = Math.max(1, Number(search.get('page')) || 1)
  const projects = useLoad(
    async (signal) =>
      (await api.GET('/api/projects', { params: { query: { page, size: PAGE_SIZE, lang: language } }, signal }).then(unwrap)) as Schemas['ProjectSummaryList'],
    [page, language],
  )
  return (
    <>
      <p>
        <Link to="/library">{t('library.backToLibrary')}</Link>
      </p>
      <h1>{t('library.projects.title')}</h1>
      {isSecretariat && (
        <p>
          <Link to="/projects/new" data-testid="project-new">
            {t('library.projectForm.newTitle')}
          </Link>
        </p>
      )}
      <Loaded state={projects} isEmpty={(data) => data.items.length === 0} empty={t('library.projects.none')}>
        {(data) => (
          <>
            <table className="data-table" data-testid="project-list">
              <thead>
                <tr>
                  <th scope="col">{t('library.projects.project')}</th>
                  <th scope="col">{t('library.project.programme')}</th>
                  <th scope="col">{t('library.project.period')}</th>
                  <th scope="col">{t('library.project.totalBudget')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((project) => (
                  <tr key={project.id} data-testid="project-row">
                    <td>
                      <Link to={`/projects/${project.id}`}>{project.acronym}</Link>
                      <div className="muted">{project.title}</div>
                    </td>
                    <td>{project.programme}</td>
                    <td>
                      {(project.startDate || project.endDate) &&
                        t('library.project.periodValue', { from: formatDate(project.startDate, language), to: formatDate(project.endDate, language) })}
                    </td>
                    <td className="number">{formatMoney(project.totalBudget, project.currency, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={data.page} size={data.size} total={data.total} onPage={(next) => setSearch({ page: String(next) })} />
          </>
        )}
      </Loaded>
    </>
  )
}
