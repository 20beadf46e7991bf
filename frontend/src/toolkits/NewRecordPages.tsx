import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { SecretariatOnly } from './formParts'
import { ProjectForm } from './ProjectForm'
import { ResourceForm } from './ResourceForm'
import { ToolkitForm } from './ToolkitForm'
import './toolkits.css'

function NewRecordPage({ back, backLabel, title, children }: { back: string; backLabel: string; title: string; children: ReactNode }) {
  return (
    <>
      <p>
        <Link to={back}>{backLabel}</Link>
      </p>
      <h1>{title}</h1>
      <SecretariatOnly>{children}</SecretariatOnly>
    </>
  )
}

/** /projects/new: the secretariat records a project, then reads it on its page. */
export function NewProjectPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <NewRecordPage back="/projects" backLabel={t('library.projects.back')} title={t('library.projectForm.newTitle')}>
      <ProjectForm onSaved={(project) => navigate(`/projects/${project.id}`)} onCancel={() => navigate('/projects')} />
    </NewRecordPage>
  )
}

/** /toolkits/new: the secretariat publishes a toolkit of existing resources. */
export function NewToolkitPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <NewRecordPage back="/library" backLabel={t('library.backToLibrary')} title={t('library.toolkitForm.newTitle')}>
      <ToolkitForm onSaved={(toolkit) => navigate(`/toolkits/${toolkit.id}`)} onCancel={() => navigate('/library')} />
    </NewRecordPage>
  )
}

/** /resources/new: the metadata first; the resource's page then takes its files. */
export function NewResourcePage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <NewRecordPage back="/library" backLabel={t('library.backToLibrary')} title={t('library.resourceForm.newTitle')}>
      <ResourceForm onSaved={(resource) => navigate(`/resources/${resource.id}`)} onCancel={() => navigate('/library')} />
    </NewRecordPage>
  )
}
