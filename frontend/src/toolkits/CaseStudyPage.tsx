import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { api, unwrap, unwrapVersioned, type Schemas } from '../api/client'
import { RequireLogin } from '../components/LoginPrompt'
import { useAuth, useHasRole } from '../auth/AuthProvider'
import { Field, FieldErrors } from '../components/Field'
import { formatDateTime } from '../components/format'
import { Loaded } from '../components/Loaded'
import { ProblemMessage } from '../components/ProblemMessage'
import { useLoad } from '../components/useLoad'
import { currentLanguage, type Language } from '../i18n'
import { useMyCities } from '../members/useMyCities'
import { NotFoundPage } from '../pages/NotFoundPage'
import { CaseStudyForm, LONG_TEXTS, MILIEU_PARTS } from './CaseStudyForm'
import { Fact, FallbackNote, TextSection, TopicList } from './parts'
import './toolkits.css'

type CaseStudy = Schemas['CaseStudy']
type Action = 'submission' | 'publication' | 'return'

/** A fiche with its workflow: its focal point drafts and submits, the secretariat publishes or returns it. */
export function CaseStudyPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const caseStudyId = Number(useParams().id)
  const isSecretariat = useHasRole('secretariat')
  const myCities = useMyCities()
  const loggedIn = useAuth().status === 'authenticated'
  const [reloads, setReloads] = useState(0)
  const [editing, setEditing] = useState(false)
  // Kept outside the reloaded part, so the notice stays while the fiche is read again.
  const [notice, setNotice] = useState<string>()
  const reload = () => setReloads((n) => n + 1)
  const fiche = useLoad(
    (signal) =>
      api
        .GET('/api/case-studies/{caseStudyId}', { params: { path: { caseStudyId }, query: { lang: language } }, signal })
        .then(unwrapVersioned),
    // read again once logged in: a draft is visible only with its focal point's token
    [caseStudyId, language, reloads, loggedIn],
  )
  if (!Number.isInteger(caseStudyId) || caseStudyId <= 0) return <NotFoundPage />

  return (
    <>
      {notice && (
        <p role="status" className="notice" data-testid="case-study-notice">
          {notice}
        </p>
      )}
      <Loaded state={fiche}>
        {({ data, etag }) => {
          const isMine = data.memberId != null && myCities.some((city) => city.id === data.memberId)
          const open = data.status === 'DRAFT' || data.status === 'RETURNED'
          const canEdit = isSecretariat || (isMine && open)
          return (
            <article data-testid="case-study-page">
              <p>
                <Link to="/case-studies">{t('library.caseStudies.back')}</Link>
              </p>
              <h1 data-testid="case-study-name">{data.name}</h1>
              <p>
                <span className="status-badge" data-status={data.status} data-testid="case-study-status">
                  {t(`library.caseStudyStatus.${data.status}`)}
                </span>
                {data.submittedAt && <span className="muted"> · {t('library.caseStudy.submittedAt', { at: formatDateTime(data.submittedAt, language) })}</span>}
                {data.publishedAt && <span className="muted"> · {t('library.caseStudy.publishedOn', { at: formatDateTime(data.publishedAt, language) })}</span>}
              </p>
              {data.returnComment && data.status === 'RETURNED' && (
                <div className="notice" data-testid="case-study-return-comment">
                  <strong>{t('library.caseStudy.returnComment')}</strong> {data.returnComment}
                </div>
              )}
              {canEdit && !editing && (
                <p>
                  <button
                    type="button"
                    data-testid="case-study-edit"
                    onClick={() => {
                      setNotice(undefined)
                      setEditing(true)
                    }}
                  >
                    {t('edit.edit')}
                  </button>
                </p>
              )}
              {editing ? (
                <CaseStudyForm
                  key={etag}
                  fiche={data}
                  etag={etag}
                  cities={myCities}
                  onSaved={() => {
                    setEditing(false)
                    setNotice(t('edit.saved'))
                    reload()
                  }}
                  onCancel={() => setEditing(false)}
                  onReload={reload}
                />
              ) : (
                <>
                  <Workflow
                    fiche={data}
                    canSubmit={(isSecretariat || isMine) && open}
                    isSecretariat={isSecretariat}
                    onDone={(action) => {
                      setNotice(t(`library.workflow.done.${action}`))
                      reload()
                    }}
                  />
                  <CaseStudyDetails fiche={data} language={language} />
                </>
              )}
            </article>
          )
        }}
      </Loaded>
    </>
  )
}

/** The workflow buttons the caller may use in the fiche's state. */
function Workflow(props: { fiche: CaseStudy; canSubmit: boolean; isSecretariat: boolean; onDone: (action: Action) => void }) {
  const { t } = useTranslation()
  const { fiche } = props
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>()
  const [returning, setReturning] = useState(false)
  const canDecide = props.isSecretariat && fiche.status === 'SUBMITTED'
  if (!props.canSubmit && !canDecide) return null

  async function run(action: Action, comment?: string) {
    setBusy(true)
    setError(undefined)
    const params = { path: { caseStudyId: fiche.id }, query: { lang: currentLanguage() } }
    try {
      if (action === 'submission') await api.POST('/api/case-studies/{caseStudyId}/submission', { params }).then(unwrap)
      else if (action === 'publication') await api.POST('/api/case-studies/{caseStudyId}/publication', { params }).then(unwrap)
      else await api.POST('/api/case-studies/{caseStudyId}/return', { params, body: { comment: comment ?? '' } }).then(unwrap)
      props.onDone(action)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  function submitReturn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void run('return', String(new FormData(event.currentTarget).get('comment') ?? '').trim())
  }

  return (
    <section className="panel" aria-labelledby="workflow-title" data-testid="case-study-workflow">
      <h2 id="workflow-title">{t('library.workflow.title')}</h2>
      {props.canSubmit && (
        <p>
          {t('library.workflow.submitHint')}{' '}
          <button type="button" disabled={busy} onClick={() => void run('submission')} data-testid="case-study-submit">
            {t('library.workflow.submit')}
          </button>
        </p>
      )}
      {canDecide && (
        <>
          <p className="actions">
            <button type="button" disabled={busy} onClick={() => void run('publication')} data-testid="case-study-publish">
              {t('library.workflow.publish')}
            </button>
            {!returning && (
              <button type="button" disabled={busy} onClick={() => setReturning(true)} data-testid="case-study-return-open">
                {t('library.workflow.return')}
              </button>
            )}
          </p>
          {returning && (
            <form onSubmit={submitReturn} noValidate data-testid="case-study-return-form">
              <FieldErrors error={error}>
                <Field name="comment" label={t('library.workflow.comment')} required>
                  {(control) => <textarea {...control} rows={3} maxLength={2000} data-testid="case-study-return-comment-input" />}
                </Field>
              </FieldErrors>
              <div className="actions">
                <button type="submit" disabled={busy} data-testid="case-study-return">
                  {t('library.workflow.returnConfirm')}
                </button>
                <button type="button" onClick={() => setReturning(false)}>
                  {t('edit.cancel')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
      {error !== undefined && <ProblemMessage error={error} />}
    </section>
  )
}

/** Every field of the fiche, in the order of the seed fiche; the contact only when the API gives it. */
export function CaseStudyDetails({ fiche, language }: { fiche: CaseStudy; language: Language }) {
  const { t } = useTranslation()
  const contact = fiche.contact
  const hasMilieu = MILIEU_PARTS.some((part) => fiche.milieu[part])
  // A text that fell back is in the original language: say so to screen readers and hyphenation.
  const shownIn = (field: string) => (fiche.fallbackFields.includes(field) ? fiche.originalLanguage : undefined)
  return (
    <>
      <FallbackNote fields={fiche.fallbackFields} original={fiche.originalLanguage} language={language} />
      <dl className="facts">
        <Fact term={t('library.caseStudy.field.theme')}>{fiche.theme}</Fact>
        <Fact term={t('library.caseStudy.city')}>{fiche.memberId != null && <Link to={`/members/${fiche.memberId}`}>{fiche.memberName ?? fiche.memberId}</Link>}</Fact>
        <Fact term={t('library.caseStudy.field.leadOrganisation')} testId="case-study-lead">
          {fiche.leadOrganisation}
        </Fact>
        <Fact term={t('library.caseStudy.field.categories')} testId="case-study-categories">
          {fiche.categories.map((category) => `${category.code}: ${category.name}`).join('; ')}
        </Fact>
        <Fact term={t('library.field.targetGroups')}>{fiche.targetGroupCodes.map((group) => t(`library.targetGroup.${group}`)).join(', ')}</Fact>
        <Fact term={t('library.field.topics')}>{fiche.topics.length > 0 && <TopicList topics={fiche.topics} language={language} />}</Fact>
      </dl>
      {(contact || fiche.address) && (
        <section data-testid="case-study-contact">
          <h2>{t('library.caseStudy.contactTitle')}</h2>
          <dl className="facts">
            <Fact term={t('library.caseStudy.field.address')}>{fiche.address}</Fact>
            <Fact term={t('library.caseStudy.contact.name')}>{contact?.name}</Fact>
            <Fact term={t('library.caseStudy.contact.phone')}>{contact?.phone}</Fact>
            <Fact term={t('library.caseStudy.contact.fax')}>{contact?.fax}</Fact>
            <Fact term={t('library.caseStudy.contact.email')}>{contact?.email && <a href={`mailto:${contact.email}`}>{contact.email}</a>}</Fact>
          </dl>
        </section>
      )}
      {LONG_TEXTS.slice(0, 2).map((key) => (
        <TextSection key={key} title={t(`library.caseStudy.field.${key}`)} text={fiche[key]} testId={`case-study-${key}`} lang={shownIn(key)} />
      ))}
      {hasMilieu && (
        <section>
          <h2>{t('library.caseStudy.field.milieu')}</h2>
          <dl className="facts">
            {MILIEU_PARTS.map((part) => (
              <Fact key={part} term={t(`library.caseStudy.milieu.${part}`)}>
                {fiche.milieu[part]}
              </Fact>
            ))}
          </dl>
        </section>
      )}
      {LONG_TEXTS.slice(2, 7).map((key) => (
        <TextSection key={key} title={t(`library.caseStudy.field.${key}`)} text={fiche[key]} testId={`case-study-${key}`} lang={shownIn(key)} />
      ))}
      {fiche.partnershipKinds.length > 0 && (
        <section>
          <h2>{t('library.caseStudy.field.partnershipKinds')}</h2>
          <ul data-testid="case-study-partnershipKinds">
            {fiche.partnershipKinds.map((kind, index) => (
              <li key={index}>{kind}</li>
            ))}
          </ul>
        </section>
      )}
      {LONG_TEXTS.slice(7).map((key) => (
        <TextSection key={key} title={t(`library.caseStudy.field.${key}`)} text={fiche[key]} testId={`case-study-${key}`} lang={shownIn(key)} />
      ))}
      {fiche.themeQuestions.length > 0 && (
        <section>
          <h2>{t('library.caseStudy.field.themeQuestions')}</h2>
          <dl data-testid="case-study-themeQuestions">
            {fiche.themeQuestions.map((question, index) => (
              <div key={index}>
                <dt>
                  <strong>{question.question}</strong>
                </dt>
                <dd className="narrative">{question.answer}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
    </>
  )
}

/** /case-studies/new: a focal point drafts a fiche for one of their cities (the secretariat for any). */
export function NewCaseStudyPage() {
  const { t } = useTranslation()
  return (
    <>
      <p>
        <Link to="/case-studies">{t('library.caseStudies.back')}</Link>
      </p>
      <h1>{t('library.caseStudies.new')}</h1>
      <RequireLogin reason={t('library.caseStudyForm.loginReason')}>
        <NewCaseStudyForm />
      </RequireLogin>
    </>
  )
}

function NewCaseStudyForm() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const isSecretariat = useHasRole('secretariat')
  const cities = useLoad((signal) => api.GET('/api/me/cities', { signal }).then(unwrap).then((list) => list.items), [])
  return (
    <Loaded state={cities}>
      {(items) =>
        items.length === 0 && !isSecretariat ? (
          <p data-testid="case-study-no-city">{t('library.caseStudyForm.noCity')}</p>
        ) : (
          <CaseStudyForm cities={items} onSaved={(fiche) => navigate(`/case-studies/${fiche.id}`)} onCancel={() => navigate('/case-studies')} />
        )
      }
    </Loaded>
  )
}
