import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, unwrap, unwrapVersioned, type Schemas } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { formatDate, languageName } from '../components/format'
import { Loaded } from '../components/Loaded'
import { ProblemMessage } from '../components/ProblemMessage'
import { useLoad } from '../components/useLoad'
import { currentLanguage, type Language } from '../i18n'
import { NotFoundPage } from '../pages/NotFoundPage'
import { EditControls, useEditing } from './formParts'
import { Fact, FallbackNote, TopicList } from './parts'
import { ResourceForm } from './ResourceForm'
import { CONTENT_LANGUAGES, fileSize } from './toolkitsApi'
import './toolkits.css'

type Resource = Schemas['Resource']

/** A resource: what it is, for whom, under which licence, and its download in each language. */
export function ResourcePage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const resourceId = Number(useParams().id)
  const isSecretariat = useHasRole('secretariat')
  const [reloads, setReloads] = useState(0)
  // Kept here, outside the reloaded part, so the notice stays while the resource is read again.
  const [uploaded, setUploaded] = useState<Schemas['ResourceFile']>()
  const [removed, setRemoved] = useState<Schemas['ResourceFile']>()
  // The upload's language: chosen in its form, or by a file's Replace button.
  const [uploadLanguage, setUploadLanguage] = useState<string>(currentLanguage())
  const reload = () => setReloads((n) => n + 1)
  const editing = useEditing(reload)
  const resource = useLoad(
    (signal) => api.GET('/api/resources/{resourceId}', { params: { path: { resourceId }, query: { lang: language } }, signal }).then(unwrapVersioned),
    [resourceId, language, reloads],
  )
  if (!Number.isInteger(resourceId) || resourceId <= 0) return <NotFoundPage />

  return (
    <>
    <Loaded state={resource}>
      {({ data, etag }) => (
        <article data-testid="resource-page">
          <p>
            <Link to="/library">{t('library.backToLibrary')}</Link>
          </p>
          <EditControls editing={editing} testId="resource-edit" />
          {editing.editing ? (
            <ResourceForm key={etag} resource={data} etag={etag} onSaved={editing.done} onCancel={editing.cancel} onReload={reload} />
          ) : (
            <>
              <p className="kind-label" data-testid="resource-type">
                {t(`library.resourceType.${data.type}`)}
              </p>
              <h1 data-testid="resource-title">{data.title}</h1>
              <FallbackNote fields={data.fallbackFields} original={data.originalLanguage} language={language} />
              {data.summary && (
                <p className="narrative" data-testid="resource-summary">
                  {data.summary}
                </p>
              )}
              <dl className="facts">
                <Fact term={t('library.field.topics')}>{data.topics.length > 0 && <TopicList topics={data.topics} language={language} />}</Fact>
                <Fact term={t('library.field.targetGroups')} testId="resource-target-groups">
                  {data.targetGroups.map((group) => t(`library.targetGroup.${group}`)).join(', ')}
                </Fact>
                <Fact term={t('library.field.authors')}>{data.authors.join(', ')}</Fact>
                <Fact term={t('library.field.organisations')}>{data.organisations.join(', ')}</Fact>
                <Fact term={t('library.field.publicationDate')}>{formatDate(data.publicationDate, language)}</Fact>
                <Fact term={t('library.field.licence')} testId="resource-licence">
                  {data.licence ?? t('library.resource.noLicence')}
                </Fact>
                <Fact term={t('library.field.languages')}>{data.languages.map((code) => languageName(code, language)).join(', ')}</Fact>
              </dl>
              <Downloads
                resource={data}
                language={language}
                onReplace={
                  isSecretariat
                    ? (code) => {
                        setUploadLanguage(code)
                        document.getElementById('upload-file')?.focus()
                      }
                    : undefined
                }
                onRemoved={
                  isSecretariat
                    ? (file) => {
                        setUploaded(undefined)
                        setRemoved(file)
                        reload()
                      }
                    : undefined
                }
              />
              {isSecretariat && (
                <UploadForm
                  resourceId={data.id}
                  language={uploadLanguage}
                  onLanguage={setUploadLanguage}
                  onUploading={() => {
                    setUploaded(undefined)
                    setRemoved(undefined)
                  }}
                  onUploaded={(file) => {
                    setUploaded(file)
                    reload()
                  }}
                />
              )}
            </>
          )}
        </article>
      )}
    </Loaded>
      {uploaded && (
        <p role="status" className="notice" data-testid="upload-done">
          {t('library.upload.done', { name: uploaded.fileName, sha256: uploaded.sha256 })}
        </p>
      )}
      {removed && (
        <p role="status" className="notice" data-testid="remove-done">
          {t('library.upload.removed', { name: removed.fileName, language: languageName(removed.language, language) })}
        </p>
      )}
    </>
  )
}

/**
 * Per language, the file or link; for the secretariat (`onReplace`, `onRemoved`) a button to
 * upload another file for that language, and one to remove a file.
 */
function Downloads({
  resource,
  language,
  onReplace,
  onRemoved,
}: {
  resource: Resource
  language: Language
  onReplace?: (language: string) => void
  onRemoved?: (file: Schemas['ResourceFile']) => void
}) {
  const { t } = useTranslation()
  const variants = resource.variants.filter((variant) => variant.file || variant.link)
  return (
    <section aria-labelledby="resource-downloads-title">
      <h2 id="resource-downloads-title">{t('library.resource.downloads')}</h2>
      {variants.length === 0 ? (
        <p data-testid="resource-no-downloads">{t('library.resource.noDownloads')}</p>
      ) : (
        <table className="data-table" data-testid="resource-downloads">
          <thead>
            <tr>
              <th scope="col">{t('library.field.language')}</th>
              <th scope="col">{t('library.resource.download')}</th>
            </tr>
          </thead>
          <tbody>
            {variants.map((variant) => (
              <tr key={variant.language} data-testid={`variant-${variant.language}`}>
                <td>{languageName(variant.language, language)}</td>
                <td>
                  {variant.file ? (
                    <>
                      <a href={variant.file.downloadUrl} download={variant.file.fileName} data-testid={`download-${variant.language}`}>
                        {variant.file.fileName}
                      </a>{' '}
                      <span className="muted">
                        ({variant.file.mediaType}, {fileSize(variant.file.size, language)})
                      </span>
                    </>
                  ) : (
                    <a href={variant.link!} rel="noopener noreferrer" data-testid={`link-${variant.language}`}>
                      {t('library.resource.externalLink')}
                    </a>
                  )}
                  {onReplace && (
                    <>
                      {' '}
                      <button
                        type="button"
                        onClick={() => onReplace(variant.language)}
                        aria-label={t('library.upload.replaceLabel', { language: languageName(variant.language, language) })}
                        data-testid={`replace-${variant.language}`}
                      >
                        {t('library.upload.replace')}
                      </button>
                    </>
                  )}
                  {onRemoved && variant.file && <RemoveFile resourceId={resource.id} file={variant.file} language={language} onRemoved={onRemoved} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/**
 * Removes a wrongly uploaded file after a confirmation that names it (there is no undo: the
 * bytes are deleted). The language then has no file until another is uploaded.
 */
function RemoveFile(props: { resourceId: number; file: Schemas['ResourceFile']; language: Language; onRemoved: (file: Schemas['ResourceFile']) => void }) {
  const { t } = useTranslation()
  const { file } = props
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const languageLabel = languageName(file.language, props.language)

  async function remove() {
    setBusy(true)
    setError(undefined)
    try {
      await api
        .DELETE('/api/resources/{resourceId}/languages/{language}/file', { params: { path: { resourceId: props.resourceId, language: file.language } } })
        .then(unwrap)
      props.onRemoved(file)
    } catch (failure) {
      setError(failure)
      setBusy(false)
    }
  }

  return (
    <>
      {' '}
      {asking ? (
        <span role="group" aria-label={t('library.upload.removeLabel', { language: languageLabel })}>
          <button type="button" autoFocus disabled={busy} onClick={() => void remove()} data-testid={`remove-confirm-${file.language}`}>
            {busy ? t('library.upload.removing') : t('library.upload.confirmRemove', { name: file.fileName })}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setAsking(false)} data-testid={`remove-cancel-${file.language}`}>
            {t('library.upload.keep')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          onClick={() => setAsking(true)}
          aria-label={t('library.upload.removeLabel', { language: languageLabel })}
          data-testid={`remove-${file.language}`}
        >
          {t('library.upload.remove')}
        </button>
      )}
      {error !== undefined && <ProblemMessage error={error} />}
    </>
  )
}

/** The secretariat uploads a file for one language (multipart, as the contract says); it replaces that language's file or link. */
function UploadForm(props: {
  resourceId: number
  language: string
  onLanguage: (language: string) => void
  onUploading: () => void
  onUploaded: (file: Schemas['ResourceFile']) => void
}) {
  const { t } = useTranslation()
  const { resourceId } = props
  const [uploading, setUploading] = useState(false)
  const [missing, setMissing] = useState(false)
  const [error, setError] = useState<unknown>()

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const formElement = event.currentTarget
    const form = new FormData(formElement)
    const file = (formElement.elements.namedItem('file') as HTMLInputElement).files?.[0]
    props.onUploading()
    setError(undefined)
    if (!(file instanceof File) || file.size === 0) return setMissing(true)
    setMissing(false)
    setUploading(true)
    try {
      const body = new FormData()
      body.set('language', String(form.get('language') ?? ''))
      body.set('file', file, file.name)
      const stored = await api
        .POST('/api/resources/{resourceId}/files', {
          params: { path: { resourceId } },
          // multipart as it is: openapi-fetch leaves a FormData alone and the browser sets the boundary
          body: body as unknown as Schemas['ResourceFileUpload'],
          bodySerializer: (value) => value as unknown as FormData,
        })
        .then(unwrap)
      formElement.reset()
      props.onUploaded(stored)
    } catch (failure) {
      setError(failure)
    } finally {
      setUploading(false)
    }
  }
  return (
    <form className="edit-form" onSubmit={upload} noValidate data-testid="upload-form">
      <h2>{t('library.upload.title')}</h2>
      <p className="hint">{t('library.upload.hint')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="upload-language">{t('library.field.language')}</label>
          <select id="upload-language" name="language" value={props.language} onChange={(event) => props.onLanguage(event.target.value)} data-testid="upload-language">
            {CONTENT_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageName(code, currentLanguage())}
              </option>
            ))}
          </select>
        </div>
        <div className={missing ? 'field field-invalid' : 'field'}>
          <label htmlFor="upload-file">{t('library.upload.file')}</label>
          <input id="upload-file" name="file" type="file" data-testid="upload-file" aria-invalid={missing || undefined} />
          {missing && <p className="field-error">{t('library.upload.noFile')}</p>}
        </div>
      </div>
      {error !== undefined && <ProblemMessage error={error} />}
      <div className="actions">
        <button type="submit" disabled={uploading} data-testid="upload-submit">
          {uploading ? t('library.upload.uploading') : t('library.upload.submit')}
        </button>
      </div>
    </form>
  )
}
