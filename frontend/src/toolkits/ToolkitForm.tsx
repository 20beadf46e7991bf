import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { localized } from '../clusters/clustersApi'
import { Field, FieldErrors } from '../components/Field'
import { FormActions } from '../components/FormActions'
import { text } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { moved, ResourcePicker, row, RowButtons, TopicChoices, useResourceChoices, type PickedResource, type Row } from './formParts'
import { TextLanguageSelect, trimmedTexts, useTextLanguage, withText } from './textLanguage'
import { useSubmit } from '../components/useSubmit'

type Toolkit = Schemas['Toolkit']
type Translations = Schemas['Translations']
type Section = { title: Translations; summary: Translations; resources: PickedResource[] }

/** "project:3", "cluster:6" or "" — who produced the toolkit, as one choice. */
function producerOf(toolkit: Toolkit | undefined): string {
  if (toolkit?.project) return `project:${toolkit.project.id}`
  if (toolkit?.clusterId != null) return `cluster:${toolkit.clusterId}`
  return ''
}

/**
 * The secretariat's form for a toolkit: titles per language, the project or cluster that
 * produced it, and its sections in order (added, removed, moved), each with its resources.
 */
export function ToolkitForm(props: { toolkit?: Toolkit; etag?: string; onSaved: (toolkit: Toolkit) => void; onCancel: () => void; onReload?: () => void }) {
  const { t } = useTranslation()
  const ui = currentLanguage()
  const { toolkit } = props
  const texts = useTextLanguage(toolkit?.translations, toolkit?.originalLanguage)
  const { language, stored, merged } = texts
  const resourceChoices = useResourceChoices()
  const { saving, error, submit: save } = useSubmit(props.onSaved)
  const [sections, setSections] = useState<Row<Section>[]>(() =>
    (toolkit?.sections ?? []).map((section, i) =>
      row({
        title: toolkit?.translations[`sections[${i}].title`] ?? {},
        summary: toolkit?.translations[`sections[${i}].summary`] ?? {},
        resources: section.resources.map((resource) => ({ id: resource.id, title: resource.title })),
      }),
    ),
  )
  const producers = useLoad(
    async (signal) => {
      const [projects, clusters] = await Promise.all([
        api.GET('/api/projects', { params: { query: { page: 1, size: 200, lang: ui } }, signal }).then(unwrap),
        api.GET('/api/clusters', { params: { query: { size: 100 } }, signal }).then(unwrap),
      ])
      // JSON, not the CSV the same path also gives
      return { projects: (projects as Schemas['ProjectSummaryList']).items, clusters: clusters.items }
    },
    [ui],
  )
  const projects = producers.status === 'loaded' ? producers.data.projects : []
  const clusters = producers.status === 'loaded' ? producers.data.clusters : []
  const initialProducer = producerOf(toolkit)

  function read(form: FormData): Schemas['ToolkitInput'] {
    const [kind, id] = (text(form, 'producer') ?? '').split(':')
    return {
      externalId: toolkit?.externalId ?? null,
      originalLanguage: toolkit?.originalLanguage ?? language,
      title: merged('title', text(form, 'title')),
      summary: merged('summary', text(form, 'summary')),
      projectId: kind === 'project' ? Number(id) : null,
      clusterId: kind === 'cluster' ? Number(id) : null,
      topics: form.getAll('topics').map(Number),
      sections: sections.map(({ value }) => ({
        title: trimmedTexts(value.title),
        summary: trimmedTexts(value.summary),
        resourceIds: value.resources.map((resource) => resource.id),
      })),
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const body = read(new FormData(event.currentTarget))
    void save(() =>
      toolkit
        ? api
            .PUT('/api/toolkits/{toolkitId}', {
              params: { path: { toolkitId: toolkit.id }, header: { 'If-Match': props.etag ?? `"${toolkit.version}"` }, query: { lang: ui } },
              body,
            })
            .then(unwrap)
        : api.POST('/api/toolkits', { params: { query: { lang: ui } }, body }).then(unwrap),
    )
  }

  const editSection = (key: number, change: (section: Section) => Section) =>
    setSections((rows) => rows.map((current) => (current.key === key ? { ...current, value: change(current.value) } : current)))

  return (
    <form className="edit-form" onSubmit={submit} noValidate data-testid="toolkit-form">
      <h2>{toolkit ? t('library.toolkitForm.editTitle') : t('library.toolkitForm.newTitle')}</h2>
      <FieldErrors error={error}>
        <TextLanguageSelect texts={texts} isNew={!toolkit} />
        <div key={language} lang={language}>
          <Field name="title" label={t('library.form.title')} required>
            {(control) => <input {...control} defaultValue={stored('title')} data-testid="input-title" />}
          </Field>
          <Field name="summary" label={t('library.form.summary')}>
            {(control) => <textarea {...control} rows={3} defaultValue={stored('summary')} data-testid="input-summary" />}
          </Field>
        </div>
        <Field name="projectId" label={t('library.toolkitForm.producer')} hint={t('library.toolkitForm.producerHint')}>
          {(control) => (
            // Keyed so that the stored choice shows once the projects and clusters have arrived.
            <select {...control} name="producer" key={producers.status} defaultValue={initialProducer} data-testid="input-producer">
              <option value="">{t('library.toolkitForm.noProducer')}</option>
              {initialProducer && producers.status !== 'loaded' && <option value={initialProducer}>{toolkit?.project?.acronym ?? initialProducer}</option>}
              <optgroup label={t('library.projects.title')}>
                {projects.map((project) => (
                  <option key={project.id} value={`project:${project.id}`}>
                    {project.acronym} — {project.title}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('library.toolkitForm.clusters')}>
                {clusters.map((cluster) => (
                  <option key={cluster.id} value={`cluster:${cluster.id}`}>
                    {localized(cluster.name, ui)}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <TopicChoices chosen={toolkit?.topics ?? []} />
        <Field name="sections" label={t('library.toolkitForm.sections')} group>
          {() => (
            <>
              {sections.map((section, index) => (
                <fieldset key={section.key} className="list-row" data-testid="section-row" lang={language}>
                  <legend>{t('library.toolkitForm.section', { number: index + 1 })}</legend>
                  <RowButtons
                    index={index}
                    count={sections.length}
                    label={section.value.title[language] || t('library.toolkitForm.section', { number: index + 1 })}
                    testId="section"
                    onMove={(by) => setSections((rows) => moved(rows, index, by))}
                    onRemove={() => setSections((rows) => rows.filter((current) => current.key !== section.key))}
                  />
                  <Field name={`sections.${index}.title`} label={t('library.toolkitForm.sectionTitle')} required>
                    {(control) => (
                      <input
                        {...control}
                        value={section.value.title[language] ?? ''}
                        onChange={(event) => editSection(section.key, (current) => ({ ...current, title: withText(current.title, language, event.target.value) }))}
                        data-testid="input-section-title"
                      />
                    )}
                  </Field>
                  <Field name={`sections.${index}.summary`} label={t('library.toolkitForm.sectionSummary')}>
                    {(control) => (
                      <textarea
                        {...control}
                        rows={2}
                        value={section.value.summary[language] ?? ''}
                        onChange={(event) => editSection(section.key, (current) => ({ ...current, summary: withText(current.summary, language, event.target.value) }))}
                        data-testid="input-section-summary"
                      />
                    )}
                  </Field>
                  <ResourcePicker
                    name={`sections.${index}.resourceIds`}
                    label={t('library.toolkitForm.sectionResources')}
                    value={section.value.resources}
                    choices={resourceChoices}
                    testId={`section-${index}-resources`}
                    onChange={(resources) => editSection(section.key, (current) => ({ ...current, resources }))}
                  />
                </fieldset>
              ))}
              <button type="button" onClick={() => setSections((rows) => [...rows, row<Section>({ title: {}, summary: {}, resources: [] })])} data-testid="add-section">
                {t('library.toolkitForm.addSection')}
              </button>
            </>
          )}
        </Field>
      </FieldErrors>
      <SaveProblem error={error} onReload={props.onReload} />
      <FormActions saving={saving} saveTestId="toolkit-save" onCancel={props.onCancel} />
    </form>
  )
}
