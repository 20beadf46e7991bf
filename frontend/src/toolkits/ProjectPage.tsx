import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, unwrapVersioned, type Schemas } from '../api/client'
import { formatDate } from '../components/format'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { formatMoney } from '../fund/money'
import { currentLanguage, type Language } from '../i18n'
import { NotFoundPage } from '../pages/NotFoundPage'
import { EditControls, useEditing } from './formParts'
import { Fact, FallbackNote, TextSection, TopicList } from './parts'
import { ProjectForm } from './ProjectForm'
import { countryName } from './toolkitsApi'
import './toolkits.css'

/** A project: budget and co-financing (exact sums from the API), partners, strands and outputs. */
export function ProjectPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const projectId = Number(useParams().id)
  const [reloads, setReloads] = useState(0)
  const reload = () => setReloads((n) => n + 1)
  const editing = useEditing(reload)
  const project = useLoad(
    (signal) => api.GET('/api/projects/{projectId}', { params: { path: { projectId }, query: { lang: language } }, signal }).then(unwrapVersioned),
    [projectId, language, reloads],
  )
  if (!Number.isInteger(projectId) || projectId <= 0) return <NotFoundPage />

  return (
    <Loaded state={project}>
      {({ data, etag }) => (
        <article data-testid="project-page">
          <p>
            <Link to="/projects">{t('library.projects.back')}</Link>
          </p>
          <EditControls editing={editing} testId="project-edit" />
          {editing.editing ? (
            <ProjectForm key={etag} project={data} etag={etag} onSaved={editing.done} onCancel={editing.cancel} onReload={reload} />
          ) : (
            <>
              <h1 data-testid="project-acronym">{data.acronym}</h1>
              <p className="subtitle" data-testid="project-title">
                {data.title}
              </p>
              <FallbackNote fields={data.fallbackFields} original={data.originalLanguage} language={language} />
              {data.summary && <p className="narrative">{data.summary}</p>}
              <dl className="facts">
                <Fact term={t('library.project.programme')}>{data.programme}</Fact>
                <Fact term={t('library.project.priority')}>{data.priority}</Fact>
                <Fact term={t('library.project.period')} testId="project-period">
                  {(data.startDate || data.endDate) &&
                    t('library.project.periodValue', { from: formatDate(data.startDate, language), to: formatDate(data.endDate, language) })}
                </Fact>
                <Fact term={t('library.field.topics')}>{data.topics.length > 0 && <TopicList topics={data.topics} language={language} />}</Fact>
                <Fact term={t('library.project.website')}>
                  {data.website && (
                    <a href={data.website} rel="noopener noreferrer">
                      {data.website}
                    </a>
                  )}
                </Fact>
                <Fact term={t('library.project.contact')}>
                  {data.contact && [data.contact.name, data.contact.email, data.contact.phone].filter(Boolean).join(' · ')}
                </Fact>
              </dl>
              <Budget project={data} language={language} />
              <Partners partners={data.partners} language={language} />
              {data.objectives.length > 0 && (
                <section>
                  <h2>{t('library.project.objectives')}</h2>
                  <ul>
                    {data.objectives.map((objective, index) => (
                      <li key={index}>{objective}</li>
                    ))}
                  </ul>
                </section>
              )}
              {data.activityStrands.length > 0 && (
                <section>
                  <h2>{t('library.project.strands')}</h2>
                  <dl>
                    {data.activityStrands.map((strand, index) => (
                      <div key={index}>
                        <dt>
                          <strong>{strand.name}</strong>
                        </dt>
                        {strand.description && <dd>{strand.description}</dd>}
                      </div>
                    ))}
                  </dl>
                </section>
              )}
              <TextSection title={t('library.project.results')} text={data.results} />
              <section>
                <h2>{t('library.project.outputs')}</h2>
                {data.outputs.length === 0 ? (
                  <p>{t('library.project.noOutputs')}</p>
                ) : (
                  <ul className="resource-list" data-testid="project-outputs">
                    {data.outputs.map((output) => (
                      <li key={output.id}>
                        <Link to={`/resources/${output.id}`}>{output.title}</Link>{' '}
                        <span className="muted">({t(`library.resourceType.${output.type}`)})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <TextSection title={t('library.project.lessons')} text={data.lessonsLearned} />
            </>
          )}
        </article>
      )}
    </Loaded>
  )
}

/** The sums come from the API (exact decimals); the page only formats them. */
function Budget({ project, language }: { project: Schemas['Project']; language: Language }) {
  const { t } = useTranslation()
  const money = (amount: string | null | undefined) => formatMoney(amount, project.currency, language)
  return (
    <section aria-labelledby="project-budget-title">
      <h2 id="project-budget-title">{t('library.project.budget')}</h2>
      <table className="budget-table" data-testid="project-budget">
        <tbody>
          <tr>
            <th scope="row">{t('library.project.totalBudget')}</th>
            <td data-testid="budget-total">{project.totalBudget ? money(project.totalBudget) : t('library.project.unknown')}</td>
          </tr>
          {project.coFinancing.map((line, index) => (
            <tr key={index} data-testid="cofinancing-line">
              <th scope="row">{t('library.project.coFinancingLine', { source: line.source })}</th>
              <td>{money(line.amount)}</td>
            </tr>
          ))}
          <tr className="sum-row">
            <th scope="row">{t('library.project.coFinancingTotal')}</th>
            <td data-testid="cofinancing-total">{money(project.coFinancingTotal)}</td>
          </tr>
          <tr className="sum-row">
            <th scope="row">{t('library.project.ownContribution')}</th>
            <td data-testid="own-contribution">{project.ownContribution ? money(project.ownContribution) : t('library.project.unknown')}</td>
          </tr>
        </tbody>
      </table>
    </section>
  )
}

function Partners({ partners, language }: { partners: Schemas['ProjectPartner'][]; language: Language }) {
  const { t } = useTranslation()
  if (partners.length === 0) return null
  return (
    <section aria-labelledby="project-partners-title">
      <h2 id="project-partners-title">{t('library.project.partners')}</h2>
      <table className="data-table" data-testid="project-partners">
        <thead>
          <tr>
            <th scope="col">{t('library.project.partner')}</th>
            <th scope="col">{t('library.project.role')}</th>
            <th scope="col">{t('library.project.country')}</th>
          </tr>
        </thead>
        <tbody>
          {partners.map((partner, index) => (
            <tr key={index} data-testid="partner-row">
              <td>{partner.memberId ? <Link to={`/members/${partner.memberId}`}>{partner.name}</Link> : partner.name}</td>
              <td>{t(`library.partnerRole.${partner.role}`)}</td>
              <td>{countryName(partner.country, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
