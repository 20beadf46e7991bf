import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { api, unwrap, unwrapVersioned, type Schemas, type Versioned } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { Field, FieldErrors } from '../components/Field'
import { FormActions } from '../components/FormActions'
import { requiredText, values } from '../components/formData'
import { Loaded } from '../components/Loaded'
import { RequireLogin } from '../components/LoginPrompt'
import { SaveProblem } from '../components/SaveProblem'
import { ORGANISATIONS, SearchPicker } from '../components/SearchPicker'
import { useLoad } from '../components/useLoad'
import { useSubmit } from '../components/useSubmit'
import { itemsOf, useTopics } from '../components/useReference'
import { currentLanguage } from '../i18n'
import { NotFoundPage } from '../pages/NotFoundPage'
import type { Cluster } from './clustersApi'
import { LocalizedFields, localizedText, optionalLocalizedText } from './LocalizedFields'

const CLUSTER_STATUSES: Schemas['ClusterStatus'][] = ['ACTIVE', 'CLOSED']

/** `/clusters/new` adds a cluster; `/clusters/:id/edit` replaces one (with If-Match). The secretariat's only. */
export function ClusterFormPage() {
  const { t } = useTranslation()
  const param = useParams().id
  const clusterId = param === undefined ? undefined : Number(param)
  const isSecretariat = useHasRole('secretariat')
  if (clusterId !== undefined && (!Number.isInteger(clusterId) || clusterId <= 0)) return <NotFoundPage />
  return (
    <article data-testid="cluster-form-page">
      <p>
        <Link to={clusterId ? `/clusters/${clusterId}` : '/clusters'}>{clusterId ? t('clusters.appoint.back') : t('clusters.back')}</Link>
      </p>
      <h1>{clusterId ? t('clusters.form.editTitle') : t('clusters.form.newTitle')}</h1>
      <RequireLogin reason={t('clusters.form.secretariatOnly')}>
        {!isSecretariat ? (
          <p data-testid="cluster-form-forbidden">{t('clusters.form.secretariatOnly')}</p>
        ) : clusterId ? (
          <EditCluster clusterId={clusterId} />
        ) : (
          <ClusterForm />
        )}
      </RequireLogin>
    </article>
  )
}

function EditCluster({ clusterId }: { clusterId: number }) {
  const [reloads, setReloads] = useState(0)
  const cluster = useLoad(
    (signal) => api.GET('/api/clusters/{clusterId}', { params: { path: { clusterId } }, signal }).then(unwrapVersioned),
    [clusterId, reloads],
  )
  return (
    <Loaded state={cluster}>
      {(versioned) => <ClusterForm key={versioned.etag} current={versioned} onReload={() => setReloads((n) => n + 1)} />}
    </Loaded>
  )
}

/** The cluster's record: names and descriptions per language, topics, technical partners, status. */
function ClusterForm({ current, onReload }: { current?: Versioned<Cluster>; onReload?: () => void }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const navigate = useNavigate()
  const topics = itemsOf(useTopics(language))
  const cluster = current?.data
  const [partners, setPartners] = useState<number[]>(cluster?.partnerOrganisationIds ?? [])
  const { saving, error, submit } = useSubmit()
  const back = () => navigate(cluster ? `/clusters/${cluster.id}` : '/clusters')

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body: Schemas['ClusterInput'] = {
      name: localizedText(form, 'name'),
      description: optionalLocalizedText(form, 'description'),
      topics: values(form, 'topics').map(Number),
      partnerOrganisationIds: partners,
      status: requiredText(form, 'status') as Schemas['ClusterStatus'],
    }
    await submit(async () => {
      const saved = current
        ? await api
            .PUT('/api/clusters/{clusterId}', { params: { path: { clusterId: current.data.id }, header: { 'If-Match': current.etag } }, body })
            .then(unwrap)
        : await api.POST('/api/clusters', { body }).then(unwrap)
      navigate(`/clusters/${saved.id}`)
    })
  }

  return (
    <form className="edit-form" onSubmit={save} noValidate data-testid="cluster-form">
      <FieldErrors error={error}>
        <LocalizedFields name="name" label={t('clusters.form.name')} value={cluster?.name} required />
        <LocalizedFields name="description" label={t('clusters.form.description')} value={cluster?.description} multiline />
        <Field name="topics" label={t('clusters.column.topics')} hint={t('clusters.form.topicsHint')} group required>
          {() => (
            <ul className="plain-list">
              {topics.map((topic) => (
                <li key={topic.number}>
                  <label>
                    <input
                      type="checkbox"
                      name="topics"
                      value={topic.number}
                      defaultChecked={cluster?.topics.includes(topic.number)}
                      data-testid={`cluster-topic-${topic.number}`}
                    />{' '}
                    {topic.number}. {topic.name}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </Field>
        <Field name="partnerOrganisationIds" label={t('clusters.form.partners')} group>
          {() => <PartnerPicker chosen={partners} onChange={setPartners} />}
        </Field>
        <Field name="status" label={t('clusters.statusLabel')} required>
          {(control) => (
            <select {...control} defaultValue={cluster?.status ?? 'ACTIVE'} data-testid="cluster-status">
              {CLUSTER_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`clusters.status.${status}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </FieldErrors>
      <SaveProblem error={error} onReload={onReload} />
      <FormActions saving={saving} saveTestId="cluster-save" onCancel={back} />
    </form>
  )
}

/**
 * The cluster's technical partners: the chosen organisations (each removable, named through the
 * same lookup the picker uses) and a search by name to add one.
 */
function PartnerPicker({ chosen, onChange }: { chosen: number[]; onChange: (ids: number[]) => void }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const names = useLoad((signal) => Promise.all(chosen.map((id) => ORGANISATIONS.byId(id, language, signal))), [chosen.join(), language])
  const nameOf = (id: number) => (names.status === 'loaded' ? names.data.find((organisation) => organisation.id === id)?.name : undefined) ?? `#${id}`
  // The search box is a control of its own (no name: the chosen ids are sent from state).
  const control = { id: 'partner-q', name: '', 'aria-invalid': undefined, 'aria-describedby': undefined }
  return (
    <>
      {chosen.length === 0 ? (
        <p className="muted">{t('clusters.form.noPartners')}</p>
      ) : (
        <ul className="plain-list" data-testid="cluster-partners">
          {chosen.map((id) => (
            <li key={id} data-testid="cluster-partner" data-id={id}>
              {nameOf(id)}{' '}
              <button type="button" onClick={() => onChange(chosen.filter((other) => other !== id))} data-testid="cluster-partner-remove">
                {t('clusters.appoint.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={control.id}>{t('clusters.form.partnerSearch')}</label>
        <SearchPicker
          control={control}
          source={ORGANISATIONS}
          value={null}
          exclude={chosen}
          clearOnPick
          onChange={(organisation) => organisation && onChange([...chosen, organisation.id])}
          testId="partner"
        />
      </div>
    </>
  )
}
