import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { FormActions } from '../components/FormActions'
import { languageName } from '../components/format'
import { lines, text, values } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { currentLanguage } from '../i18n'
import { TargetGroupChoices, TopicChoices } from './formParts'
import { TextLanguageSelect, useTextLanguage } from './textLanguage'
import { CONTENT_LANGUAGES, RESOURCE_TYPES } from './toolkitsApi'
import { useSubmit } from '../components/useSubmit'

type Resource = Schemas['Resource']

/**
 * The secretariat's form for a resource's metadata. Files are uploaded on the resource's page
 * afterwards; a language with a file takes no link (the API would refuse it), so its link field
 * is not offered.
 */
export function ResourceForm(props: { resource?: Resource; etag?: string; onSaved: (resource: Resource) => void; onCancel: () => void; onReload?: () => void }) {
  const { t } = useTranslation()
  const ui = currentLanguage()
  const { resource } = props
  const texts = useTextLanguage(resource?.translations, resource?.originalLanguage)
  const { language, stored, merged } = texts
  const { saving, error, submit: save } = useSubmit(props.onSaved)
  const variants = resource?.variants ?? []
  const linkLanguages = [...new Set<string>([...CONTENT_LANGUAGES, ...variants.map((variant) => variant.language)])]

  function read(form: FormData): Schemas['ResourceInput'] {
    const links: Record<string, string> = {}
    for (const code of linkLanguages) {
      const link = text(form, `links.${code}`)
      if (link) links[code] = link
    }
    return {
      externalId: resource?.externalId ?? null,
      type: (text(form, 'type') ?? '') as Schemas['ResourceType'],
      originalLanguage: resource?.originalLanguage ?? language,
      title: merged('title', text(form, 'title')),
      summary: merged('summary', text(form, 'summary')),
      topics: form.getAll('topics').map(Number),
      targetGroups: values(form, 'targetGroups') as Schemas['TargetGroup'][],
      authors: lines(form, 'authors'),
      organisations: lines(form, 'organisations'),
      publicationDate: text(form, 'publicationDate'),
      licence: text(form, 'licence'),
      links,
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const body = read(new FormData(event.currentTarget))
    void save(() =>
      resource
        ? api
            .PUT('/api/resources/{resourceId}', {
              params: { path: { resourceId: resource.id }, header: { 'If-Match': props.etag ?? `"${resource.version}"` }, query: { lang: ui } },
              body,
            })
            .then(unwrap)
        : api.POST('/api/resources', { params: { query: { lang: ui } }, body }).then(unwrap),
    )
  }

  return (
    <form className="edit-form" onSubmit={submit} noValidate data-testid="resource-form">
      <h2>{resource ? t('library.resourceForm.editTitle') : t('library.resourceForm.newTitle')}</h2>
      <FieldErrors error={error}>
        <div className="field-row">
          <Field name="type" label={t('library.resourceForm.type')} required>
            {(control) => (
              <select {...control} defaultValue={resource?.type ?? 'GUIDE'} data-testid="input-type">
                {RESOURCE_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`library.resourceType.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextLanguageSelect texts={texts} isNew={!resource} />
        </div>
        <div key={language} lang={language}>
          <Field name="title" label={t('library.form.title')} required>
            {(control) => <input {...control} defaultValue={stored('title')} data-testid="input-title" />}
          </Field>
          <Field name="summary" label={t('library.form.summary')}>
            {(control) => <textarea {...control} rows={3} defaultValue={stored('summary')} data-testid="input-summary" />}
          </Field>
        </div>
        <div className="field-row">
          <Field name="authors" label={t('library.field.authors')} hint={t('library.caseStudyForm.onePerLine')}>
            {(control) => <textarea {...control} rows={3} defaultValue={(resource?.authors ?? []).join('\n')} data-testid="input-authors" />}
          </Field>
          <Field name="organisations" label={t('library.field.organisations')} hint={t('library.caseStudyForm.onePerLine')}>
            {(control) => <textarea {...control} rows={3} defaultValue={(resource?.organisations ?? []).join('\n')} data-testid="input-organisations" />}
          </Field>
        </div>
        <div className="field-row">
          <Field name="publicationDate" label={t('library.field.publicationDate')}>
            {(control) => <input {...control} type="date" defaultValue={resource?.publicationDate ?? ''} data-testid="input-publicationDate" />}
          </Field>
          <Field name="licence" label={t('library.field.licence')} hint={t('library.resourceForm.licenceHint')}>
            {(control) => <input {...control} maxLength={100} defaultValue={resource?.licence ?? ''} data-testid="input-licence" />}
          </Field>
        </div>
        <fieldset>
          <legend>{t('library.resourceForm.links')}</legend>
          <p className="hint">{t('library.resourceForm.linksHint')}</p>
          <div className="field-row">
            {linkLanguages.map((code) => {
              const variant = variants.find((candidate) => candidate.language === code)
              return (
                <Field key={code} name={`links.${code}`} label={languageName(code, ui)}>
                  {(control) =>
                    variant?.file ? (
                      <p id={control.id} className="muted" data-testid={`has-file-${code}`}>
                        {t('library.resourceForm.hasFile', { name: variant.file.fileName })}
                      </p>
                    ) : (
                      <input {...control} type="url" defaultValue={variant?.link ?? ''} data-testid={`input-link-${code}`} />
                    )
                  }
                </Field>
              )
            })}
          </div>
        </fieldset>
        <TargetGroupChoices name="targetGroups" chosen={resource?.targetGroups ?? []} />
        <TopicChoices chosen={resource?.topics ?? []} />
      </FieldErrors>
      <SaveProblem error={error} onReload={props.onReload} />
      <FormActions saving={saving} saveTestId="resource-save" onCancel={props.onCancel} />
    </form>
  )
}
