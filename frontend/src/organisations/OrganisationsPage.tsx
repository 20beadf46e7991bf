import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { api, unwrap, unwrapVersioned, type Schemas } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { Field, FieldErrors } from '../components/Field'
import { requiredText, text } from '../components/formData'
import { Loaded } from '../components/Loaded'
import { Pager, SortHeader } from '../components/Pager'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad } from '../components/useLoad'
import { itemsOf, useCountries } from '../components/useReference'
import { currentLanguage } from '../i18n'
import { FormActions } from '../components/FormActions'

type Organisation = Schemas['Organisation']
export const ORGANISATION_KINDS: Schemas['OrganisationKind'][] = [
  'TECHNICAL_PARTNER',
  'DONOR_GOVERNMENT',
  'COMPANY',
  'FOUNDATION',
  'NGO',
  'UNIVERSITY',
  'INTERNATIONAL_ORGANISATION',
  'REGIONAL_ORGANISATION',
  'PUBLIC_EMPLOYMENT_SERVICE',
  'SKILLS_CENTRE',
  'OTHER',
]
const PAGE_SIZE = 20

/** Partner organisations: search, filter by kind, page; the secretariat adds and edits. */
export function OrganisationsPage() {
  const { t } = useTranslation()
  const isSecretariat = useHasRole('secretariat')
  const [search, setSearch] = useSearchParams()
  const [reloads, setReloads] = useState(0)
  const [editing, setEditing] = useState<number | 'new' | null>(null)
  const query = {
    q: search.get('q') || undefined,
    kind: (search.get('kind') || undefined) as Schemas['OrganisationKind'] | undefined,
    sort: search.get('sort') || 'name',
    page: Math.max(1, Number(search.get('page')) || 1),
    size: PAGE_SIZE,
  }
  const organisations = useLoad(
    (signal) => api.GET('/api/organisations', { params: { query }, signal }).then(unwrap) as Promise<Schemas['OrganisationList']>,
    [search.toString(), reloads, currentLanguage()],
  )

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(search)
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value)
      else next.delete(name)
    }
    if (!('page' in changes)) next.delete('page')
    setSearch(next)
  }

  const done = () => {
    setEditing(null)
    setReloads((n) => n + 1)
  }

  return (
    <>
      <h1>{t('organisations.title')}</h1>
      <form
        role="search"
        className="filters"
        onSubmit={(event) => {
          event.preventDefault()
          update({ q: text(new FormData(event.currentTarget), 'q') })
        }}
      >
        <div className="field">
          <label htmlFor="organisations-q">{t('organisations.search')}</label>
          <input id="organisations-q" name="q" type="search" key={search.get('q')} defaultValue={search.get('q') ?? ''} data-testid="organisations-q" />
        </div>
        <button type="submit">{t('directory.apply')}</button>
        <div className="field">
          <label htmlFor="organisations-kind">{t('organisations.kind')}</label>
          <select id="organisations-kind" value={search.get('kind') ?? ''} onChange={(event) => update({ kind: event.target.value || null })} data-testid="organisations-kind">
            <option value="">{t('directory.any')}</option>
            {ORGANISATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`organisationKind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {isSecretariat && editing === null && (
        <p>
          <button type="button" onClick={() => setEditing('new')} data-testid="organisation-add">
            {t('organisations.add')}
          </button>
        </p>
      )}
      {editing === 'new' && <OrganisationForm onDone={done} onCancel={() => setEditing(null)} />}
      {typeof editing === 'number' && <OrganisationEditor key={editing} organisationId={editing} onDone={done} onCancel={() => setEditing(null)} />}
      <Loaded state={organisations} isEmpty={(data) => data.items.length === 0} empty={t('organisations.none')}>
        {(data) => (
          <>
            <table className="data-table" data-testid="organisations-table">
              <thead>
                <tr>
                  <SortHeader field="name" label={t('organisations.column.name')} sort={query.sort} onSort={(sort) => update({ sort })} />
                  <SortHeader field="kind" label={t('organisations.column.kind')} sort={query.sort} onSort={(sort) => update({ sort })} />
                  <SortHeader field="country" label={t('organisations.column.country')} sort={query.sort} onSort={(sort) => update({ sort })} />
                  <th scope="col">{t('organisations.column.website')}</th>
                  {isSecretariat && (
                    <th scope="col">
                      <span className="visually-hidden">{t('focalPoints.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {data.items.map((organisation) => (
                  <tr key={organisation.id} data-testid="organisation-row">
                    <td>{organisation.name}</td>
                    <td>{t(`organisationKind.${organisation.kind}`)}</td>
                    <td>{organisation.country?.name ?? t('organisations.international')}</td>
                    <td>
                      {organisation.website && (
                        <a href={organisation.website} rel="noopener noreferrer">
                          {organisation.website}
                        </a>
                      )}
                    </td>
                    {isSecretariat && (
                      <td>
                        <button type="button" onClick={() => setEditing(organisation.id)}>
                          {t('edit.edit')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={data.page} size={data.size} total={data.total} onPage={(page) => update({ page: String(page) })} />
          </>
        )}
      </Loaded>
    </>
  )
}

/** Reads the organisation afresh (with its ETag and contacts) before editing. */
function OrganisationEditor(props: { organisationId: number; onDone: () => void; onCancel: () => void }) {
  const [reloads, setReloads] = useState(0)
  const organisation = useLoad(
    (signal) =>
      api.GET('/api/organisations/{organisationId}', { params: { path: { organisationId: props.organisationId } }, signal }).then(unwrapVersioned),
    [props.organisationId, reloads],
  )
  return (
    <Loaded state={organisation}>
      {({ data, etag }) => (
        <OrganisationForm key={etag} organisation={data} etag={etag} onDone={props.onDone} onCancel={props.onCancel} onReload={() => setReloads((n) => n + 1)} />
      )}
    </Loaded>
  )
}

function OrganisationForm(props: { organisation?: Organisation; etag?: string; onDone: () => void; onCancel: () => void; onReload?: () => void }) {
  const { t } = useTranslation()
  const countries = itemsOf(useCountries(currentLanguage()))
  const { organisation } = props
  const [error, setError] = useState<unknown>()
  const [saving, setSaving] = useState(false)
  const nextKey = useRef(organisation?.contacts?.length ?? 0)
  const [contactKeys, setContactKeys] = useState<number[]>(() => (organisation?.contacts ?? []).map((_, index) => index))

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body: Schemas['OrganisationInput'] = {
      externalId: text(form, 'externalId'),
      name: requiredText(form, 'name'),
      kind: requiredText(form, 'kind') as Schemas['OrganisationKind'],
      country: text(form, 'country'),
      website: text(form, 'website'),
      contacts: contactKeys.map((_, index) => ({
        name: requiredText(form, `contacts.${index}.name`),
        role: text(form, `contacts.${index}.role`),
        email: text(form, `contacts.${index}.email`),
        phone: text(form, `contacts.${index}.phone`),
      })),
    }
    setSaving(true)
    setError(undefined)
    try {
      if (organisation && props.etag) {
        await api
          .PUT('/api/organisations/{organisationId}', {
            params: { path: { organisationId: organisation.id }, header: { 'If-Match': props.etag } },
            body,
          })
          .then(unwrap)
      } else {
        await api.POST('/api/organisations', { body }).then(unwrap)
      }
      props.onDone()
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }

  const contact = (key: number) => organisation?.contacts?.[key]

  return (
    <form onSubmit={submit} noValidate className="edit-form panel" data-testid="organisation-form">
      <h2>{organisation ? t('organisations.editTitle', { name: organisation.name }) : t('organisations.addTitle')}</h2>
      <FieldErrors error={error}>
        <div className="field-row">
          <Field name="name" label={t('organisations.column.name')} required>
            {(control) => <input {...control} defaultValue={organisation?.name ?? ''} />}
          </Field>
          <Field name="kind" label={t('organisations.kind')} required>
            {(control) => (
              <select {...control} defaultValue={organisation?.kind ?? ''}>
                <option value="">{t('organisations.chooseKind')}</option>
                {ORGANISATION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`organisationKind.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="country" label={t('organisations.column.country')}>
            {(control) => (
              <select {...control} defaultValue={organisation?.country?.iso2 ?? ''} key={countries.length}>
                <option value="">{t('organisations.international')}</option>
                {countries.map((country) => (
                  <option key={country.iso2} value={country.iso2}>
                    {country.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field name="website" label={t('organisations.column.website')}>
            {(control) => <input {...control} type="url" defaultValue={organisation?.website ?? ''} />}
          </Field>
          <Field name="externalId" label={t('member.field.externalId')}>
            {(control) => <input {...control} defaultValue={organisation?.externalId ?? ''} />}
          </Field>
        </div>
        <Field name="contacts" label={t('organisations.contacts')} group>
          {() => (
            <>
              {contactKeys.map((key, index) => (
                <div className="field-row" key={key}>
                  <Field name={`contacts.${index}.name`} label={t('focalPoints.field.name')} required>
                    {(control) => <input {...control} defaultValue={contact(key)?.name ?? ''} />}
                  </Field>
                  <Field name={`contacts.${index}.role`} label={t('focalPoints.field.role')}>
                    {(control) => <input {...control} defaultValue={contact(key)?.role ?? ''} />}
                  </Field>
                  <Field name={`contacts.${index}.email`} label={t('focalPoints.field.email')}>
                    {(control) => <input {...control} type="email" defaultValue={contact(key)?.email ?? ''} />}
                  </Field>
                  <Field name={`contacts.${index}.phone`} label={t('focalPoints.field.phone')}>
                    {(control) => <input {...control} type="tel" defaultValue={contact(key)?.phone ?? ''} />}
                  </Field>
                  <button type="button" onClick={() => setContactKeys(contactKeys.filter((other) => other !== key))}>
                    {t('organisations.removeContact')}
                  </button>
                </div>
              ))}
              {contactKeys.length < 20 && (
                <button type="button" onClick={() => setContactKeys([...contactKeys, nextKey.current++])}>
                  {t('organisations.addContact')}
                </button>
              )}
            </>
          )}
        </Field>
      </FieldErrors>
      <SaveProblem error={error} onReload={props.onReload} />
      <FormActions saving={saving} saveTestId="organisation-save" onCancel={props.onCancel} />
    </form>
  )
}
