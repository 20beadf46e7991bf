import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { type Schemas, api, unwrap } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { number, text } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { MEMBER_CITIES, ORGANISATIONS, SearchPicker } from '../components/SearchPicker'
import { useSubmit } from '../components/useSubmit'
import { ManagerOnly } from './ManagerOnly'

const DONOR_TYPES: Schemas['DonorType'][] = ['CITY', 'GOVERNMENT', 'COMPANY', 'FOUNDATION', 'OTHER']

/** The fund manager registers a donor: a member city or an organisation, its type, and whether it is shown as anonymous. */
export function NewDonorPage() {
  const { t } = useTranslation()
  return (
    <ManagerOnly>
      <h1>{t('fund.newDonor.title')}</h1>
      <NewDonorForm />
    </ManagerOnly>
  )
}

export function NewDonorForm() {
  const { t } = useTranslation()
  const [party, setParty] = useState<'member' | 'organisation'>('organisation')
  const [memberId, setMemberId] = useState<number | null>(null)
  const [organisationId, setOrganisationId] = useState<number | null>(null)
  const [created, setCreated] = useState<Schemas['Donor'] | null>(null)
  const { saving, error, submit: save } = useSubmit()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    setCreated(null)
    void save(async () => {
      setCreated(await api.POST('/api/donors', { body: readDonor(party, new FormData(form)) }).then(unwrap))
      form.reset()
      setMemberId(null)
      setOrganisationId(null)
    })
  }

  return (
    <form className="edit-form" onSubmit={submit} noValidate data-testid="new-donor-form">
      {created && (
        <p role="status" className="notice" data-testid="donor-created">
          {t('fund.newDonor.created', { id: created.id, name: created.name })}
        </p>
      )}
      <FieldErrors error={error}>
        <fieldset className="field">
          <legend>{t('fund.newDonor.party')}</legend>
          <div className="radio-list">
            {(['organisation', 'member'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="party" value={value} checked={party === value} onChange={() => setParty(value)} data-testid={`donor-party-${value}`} />{' '}
                {t(`fund.newDonor.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {party === 'member' ? (
          <Field name="memberId" label={t('fund.newDonor.memberId')} required hint={t('fund.newDonor.memberHint')}>
            {(control) => <SearchPicker control={control} source={MEMBER_CITIES} value={memberId} onChange={(city) => setMemberId(city?.id ?? null)} testId="donor-member" />}
          </Field>
        ) : (
          <Field name="organisationId" label={t('fund.newDonor.organisationId')} required hint={t('fund.newDonor.organisationHint')}>
            {(control) => (
              <SearchPicker
                control={control}
                source={ORGANISATIONS}
                value={organisationId}
                onChange={(organisation) => setOrganisationId(organisation?.id ?? null)}
                testId="donor-organisation"
              />
            )}
          </Field>
        )}
        <Field name="donorType" label={t('fund.newDonor.donorType')} required>
          {(control) => (
            <select {...control} defaultValue="GOVERNMENT" data-testid="donor-type">
              {DONOR_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`fund.donorType.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="anonymous" label={t('fund.newDonor.anonymous')} hint={t('fund.newDonor.anonymousHint')}>
          {(control) => <input {...control} type="checkbox" value="true" data-testid="donor-anonymous" />}
        </Field>
        <Field name="username" label={t('fund.newDonor.username')} hint={t('fund.newDonor.usernameHint')}>
          {(control) => <input {...control} maxLength={100} autoComplete="off" data-testid="donor-username" />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={saving} data-testid="donor-create">
            {saving ? t('fund.newFund.saving') : t('fund.newDonor.create')}
          </button>
        </div>
      </FieldErrors>
      <SaveProblem error={error} />
    </form>
  )
}

/** The form as the body of POST /api/donors: exactly one of memberId and organisationId. */
export function readDonor(party: 'member' | 'organisation', form: FormData): Schemas['DonorInput'] {
  return {
    memberId: party === 'member' ? number(form, 'memberId') : null,
    organisationId: party === 'organisation' ? number(form, 'organisationId') : null,
    donorType: (text(form, 'donorType') ?? 'OTHER') as Schemas['DonorType'],
    anonymous: form.get('anonymous') === 'true',
    username: text(form, 'username'),
  }
}
