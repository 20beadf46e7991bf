import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { ApiProblem } from '../api/problem'
import { Field, FieldErrors } from '../components/Field'
import { requiredText, text } from '../components/formData'
import { languageName } from '../components/format'
import { ProblemMessage } from '../components/ProblemMessage'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { FormActions } from '../components/FormActions'

type FocalPoint = Schemas['FocalPoint']

/**
 * The city's contact people. Not public: the section is there only when the API lets the
 * caller read it (the secretariat or one of the city's focal points); a 401 or 403 hides it.
 * Whoever may read the list may also change it.
 */
export function FocalPoints({ memberId, isSecretariat }: { memberId: number; isSecretariat: boolean }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [reloads, setReloads] = useState(0)
  const [editing, setEditing] = useState<FocalPoint | 'new' | null>(null)
  const [removing, setRemoving] = useState<number | null>(null)
  const [removeError, setRemoveError] = useState<unknown>()
  const list = useLoad(
    (signal) => api.GET('/api/members/{memberId}/focal-points', { params: { path: { memberId } }, signal }).then(unwrap),
    [memberId, reloads],
  )

  if (list.status === 'failed' && list.error instanceof ApiProblem && [401, 403].includes(list.error.status)) return null
  const reload = () => setReloads((n) => n + 1)

  async function remove(focalPoint: FocalPoint) {
    setRemoveError(undefined)
    try {
      await api
        .DELETE('/api/members/{memberId}/focal-points/{focalPointId}', {
          params: { path: { memberId, focalPointId: focalPoint.id } },
        })
        .then(unwrap)
      setRemoving(null)
      reload()
    } catch (failure) {
      setRemoveError(failure)
    }
  }

  return (
    <section aria-labelledby="focal-points-title" className="panel" data-testid="focal-points">
      <h2 id="focal-points-title">{t('focalPoints.title')}</h2>
      {list.status === 'loading' && <p role="status">{t('status.loading')}</p>}
      {list.status === 'failed' && <ProblemMessage error={list.error} />}
      {list.status === 'loaded' &&
        (list.data.items.length === 0 ? (
          <p>{t('focalPoints.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('focalPoints.field.name')}</th>
                <th scope="col">{t('focalPoints.field.role')}</th>
                <th scope="col">{t('focalPoints.field.email')}</th>
                <th scope="col">{t('focalPoints.field.phone')}</th>
                <th scope="col">{t('focalPoints.field.preferredLanguage')}</th>
                {isSecretariat && <th scope="col">{t('focalPoints.field.username')}</th>}
                <th scope="col">
                  <span className="visually-hidden">{t('focalPoints.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((focalPoint) => (
                <tr key={focalPoint.id} data-testid="focal-point-row">
                  <td>
                    {focalPoint.name}
                    {focalPoint.demo && <span className="badge"> {t('focalPoints.demo')}</span>}
                    {focalPoint.organisation && <div className="muted">{focalPoint.organisation}</div>}
                  </td>
                  <td>{focalPoint.role}</td>
                  <td>
                    <a href={`mailto:${focalPoint.email}`}>{focalPoint.email}</a>
                  </td>
                  <td>{focalPoint.phone}</td>
                  <td>{focalPoint.preferredLanguage && languageName(focalPoint.preferredLanguage, language)}</td>
                  {isSecretariat && <td>{focalPoint.username}</td>}
                  <td className="row-actions">
                    <button type="button" onClick={() => setEditing(focalPoint)}>
                      {t('edit.edit')}
                    </button>
                    {removing === focalPoint.id ? (
                      <>
                        <button type="button" onClick={() => void remove(focalPoint)} data-testid="focal-point-remove-confirm">
                          {t('focalPoints.confirmRemove', { name: focalPoint.name })}
                        </button>
                        <button type="button" onClick={() => setRemoving(null)}>
                          {t('edit.cancel')}
                        </button>
                      </>
                    ) : (
                      <button type="button" onClick={() => setRemoving(focalPoint.id)}>
                        {t('focalPoints.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {removeError ? <ProblemMessage error={removeError} /> : null}
      {editing ? (
        <FocalPointForm
          key={editing === 'new' ? 'new' : editing.id}
          memberId={memberId}
          focalPoint={editing === 'new' ? undefined : editing}
          isSecretariat={isSecretariat}
          onDone={() => {
            setEditing(null)
            reload()
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        list.status === 'loaded' && (
          <button type="button" onClick={() => setEditing('new')} data-testid="focal-point-add">
            {t('focalPoints.add')}
          </button>
        )
      )}
    </section>
  )
}

function FocalPointForm(props: {
  memberId: number
  focalPoint?: FocalPoint
  isSecretariat: boolean
  onDone: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const { focalPoint } = props
  const [error, setError] = useState<unknown>()
  const [saving, setSaving] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body: Schemas['FocalPointInput'] = {
      name: requiredText(form, 'name'),
      role: text(form, 'role'),
      organisation: text(form, 'organisation'),
      email: requiredText(form, 'email'),
      phone: text(form, 'phone'),
      preferredLanguage: text(form, 'preferredLanguage'),
      // Only the secretariat links a login; a focal point sends back what is there.
      username: props.isSecretariat ? text(form, 'username') : (focalPoint?.username ?? null),
    }
    setSaving(true)
    setError(undefined)
    try {
      if (focalPoint) {
        await api
          .PUT('/api/members/{memberId}/focal-points/{focalPointId}', {
            // The list carries each focal point's version; the ETag is that number in quotes.
            params: { path: { memberId: props.memberId, focalPointId: focalPoint.id }, header: { 'If-Match': `"${focalPoint.version}"` } },
            body,
          })
          .then(unwrap)
      } else {
        await api.POST('/api/members/{memberId}/focal-points', { params: { path: { memberId: props.memberId } }, body }).then(unwrap)
      }
      props.onDone()
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate className="edit-form" data-testid="focal-point-form">
      <h3>{focalPoint ? t('focalPoints.editTitle', { name: focalPoint.name }) : t('focalPoints.addTitle')}</h3>
      <FieldErrors error={error}>
        <div className="field-row">
          <Field name="name" label={t('focalPoints.field.name')} required>
            {(control) => <input {...control} defaultValue={focalPoint?.name ?? ''} />}
          </Field>
          <Field name="role" label={t('focalPoints.field.role')}>
            {(control) => <input {...control} defaultValue={focalPoint?.role ?? ''} />}
          </Field>
          <Field name="organisation" label={t('focalPoints.field.organisation')}>
            {(control) => <input {...control} defaultValue={focalPoint?.organisation ?? ''} />}
          </Field>
        </div>
        <div className="field-row">
          <Field name="email" label={t('focalPoints.field.email')} required>
            {(control) => <input {...control} type="email" defaultValue={focalPoint?.email ?? ''} />}
          </Field>
          <Field name="phone" label={t('focalPoints.field.phone')}>
            {(control) => <input {...control} type="tel" defaultValue={focalPoint?.phone ?? ''} />}
          </Field>
          <Field name="preferredLanguage" label={t('focalPoints.field.preferredLanguage')} hint={t('focalPoints.languageHint')}>
            {(control) => <input {...control} size={4} defaultValue={focalPoint?.preferredLanguage ?? ''} />}
          </Field>
          {props.isSecretariat && (
            <Field name="username" label={t('focalPoints.field.username')} hint={t('focalPoints.usernameHint')}>
              {(control) => <input {...control} defaultValue={focalPoint?.username ?? ''} />}
            </Field>
          )}
        </div>
      </FieldErrors>
      <SaveProblem error={error} onReload={props.onDone} />
      <FormActions saving={saving} saveTestId="focal-point-save" onCancel={props.onCancel} />
    </form>
  )
}
