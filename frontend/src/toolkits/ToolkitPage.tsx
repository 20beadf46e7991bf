import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, unwrapVersioned } from '../api/client'
import { languageName } from '../components/format'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { NotFoundPage } from '../pages/NotFoundPage'
import { EditControls, useEditing } from './formParts'
import { FallbackNote, TopicList } from './parts'
import { ToolkitForm } from './ToolkitForm'
import './toolkits.css'

/** A toolkit: its sections in order, each with its resources. */
export function ToolkitPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const toolkitId = Number(useParams().id)
  const [reloads, setReloads] = useState(0)
  const reload = () => setReloads((n) => n + 1)
  const editing = useEditing(reload)
  const toolkit = useLoad(
    (signal) => api.GET('/api/toolkits/{toolkitId}', { params: { path: { toolkitId }, query: { lang: language } }, signal }).then(unwrapVersioned),
    [toolkitId, language, reloads],
  )
  if (!Number.isInteger(toolkitId) || toolkitId <= 0) return <NotFoundPage />

  return (
    <Loaded state={toolkit}>
      {({ data, etag }) => (
        <article data-testid="toolkit-page">
          <p>
            <Link to="/library">{t('library.backToLibrary')}</Link>
          </p>
          <EditControls editing={editing} testId="toolkit-edit" />
          {editing.editing ? (
            <ToolkitForm key={etag} toolkit={data} etag={etag} onSaved={editing.done} onCancel={editing.cancel} onReload={reload} />
          ) : (
            <>
              <h1 data-testid="toolkit-title">{data.title}</h1>
              <FallbackNote fields={data.fallbackFields} original={data.originalLanguage} language={language} />
              {data.summary && <p className="narrative">{data.summary}</p>}
              <dl className="facts">
                {data.project && (
                  <>
                    <dt>{t('library.toolkit.project')}</dt>
                    <dd>
                      <Link to={`/projects/${data.project.id}`} data-testid="toolkit-project">
                        {data.project.acronym}
                      </Link>
                    </dd>
                  </>
                )}
                {data.clusterId != null && (
                  <>
                    <dt>{t('library.toolkit.cluster')}</dt>
                    <dd>
                      <Link to={`/clusters/${data.clusterId}`}>{t('library.toolkit.clusterLink')}</Link>
                    </dd>
                  </>
                )}
                {data.topics.length > 0 && (
                  <>
                    <dt>{t('library.field.topics')}</dt>
                    <dd>
                      <TopicList topics={data.topics} language={language} />
                    </dd>
                  </>
                )}
                <dt>{t('library.field.languages')}</dt>
                <dd>{data.languages.map((code) => languageName(code, language)).join(', ')}</dd>
              </dl>
              {data.sections.length === 0 && <p>{t('library.toolkit.noSections')}</p>}
              {data.sections.map((section, index) => (
                <section key={index} className="toolkit-section" data-testid="toolkit-section">
                  <h2>{section.title}</h2>
                  {section.summary && <p>{section.summary}</p>}
                  {section.resources.length === 0 ? (
                    <p className="muted">{t('library.toolkit.noResources')}</p>
                  ) : (
                    <ul className="resource-list">
                      {section.resources.map((resource) => (
                        <li key={resource.id} data-testid="toolkit-resource">
                          <Link to={`/resources/${resource.id}`}>{resource.title}</Link>{' '}
                          <span className="muted">
                            ({t(`library.resourceType.${resource.type}`)} · {resource.languages.map((code) => code.toUpperCase()).join(' ')})
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              ))}
            </>
          )}
        </article>
      )}
    </Loaded>
  )
}
