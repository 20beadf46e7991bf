import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api, unwrap, type Schemas } from '../api/client'
import { ApiProblem } from '../api/problem'
import { Field, FieldErrors } from '../components/Field'
import { FormActions } from '../components/FormActions'
import { codeList, number, requiredText, text, values } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { itemsOf, useCountries, useTopics } from '../components/useReference'
import { currentLanguage } from '../i18n'

/**
 * The secretariat adds a member city directly (POST /api/members); once created, the city's
 * own page opens. Cities admitted through an application are added by the decision instead.
 */
export function AddMemberForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const navigate = useNavigate()
  const countries = itemsOf(useCountries(language))
  const topics = itemsOf(useTopics(language))
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>()

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body: Schemas['MemberInput'] = {
      name: requiredText(form, 'name'),
      country: requiredText(form, 'country'),
      yearJoined: number(form, 'yearJoined') as number, // empty (null) or not a number: the API names the field
      localName: text(form, 'localName'),
      population: number(form, 'population'),
      website: text(form, 'website'),
      latitude: number(form, 'latitude'),
      longitude: number(form, 'longitude'),
      languages: codeList(form, 'languages'),
      topics: values(form, 'topics').map(Number),
    }
    setSaving(true)
    setError(undefined)
    try {
      const member = await api.POST('/api/members', { params: { query: { lang: language } }, body }).then(unwrap)
      navigate(`/members/${member.id}`)
    } catch (failure) {
      setError(failure)
      setSaving(false)
    }
  }

  const duplicate = error instanceof ApiProblem && error.status === 409

  return (
    <form className="edit-form panel" onSubmit={save} noValidate data-testid="member-add-form">
      <h2>{t('member.add.title')}</h2>
      <FieldErrors error={error}>
        <div className="field-row">
          <Field name="name" label={t('member.field.name')} required>
            {(control) => <input {...control} data-testid="member-add-name" />}
          </Field>
          <Field name="country" label={t('member.field.country')} required>
            {(control) => (
              <select {...control} defaultValue="" data-testid="member-add-country">
                <option value="">{t('member.add.chooseCountry')}</option>
                {countries.map((country) => (
                  <option key={country.iso2} value={country.iso2}>
                    {country.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="yearJoined" label={t('member.field.yearJoined')} required>
            {(control) => <input {...control} type="number" min={2012} defaultValue={new Date().getFullYear()} data-testid="member-add-yearJoined" />}
          </Field>
        </div>
        <div className="field-row">
          <Field name="localName" label={t('member.field.localName')}>
            {(control) => <input {...control} data-testid="member-add-localName" />}
          </Field>
          <Field name="website" label={t('member.field.website')}>
            {(control) => <input {...control} type="url" placeholder="https://" data-testid="member-add-website" />}
          </Field>
          <Field name="population" label={t('member.field.population')}>
            {(control) => <input {...control} inputMode="numeric" data-testid="member-add-population" />}
          </Field>
        </div>
        <div className="field-row">
          <Field name="latitude" label={t('member.field.latitude')}>
            {(control) => <input {...control} inputMode="decimal" data-testid="member-add-latitude" />}
          </Field>
          <Field name="longitude" label={t('member.field.longitude')}>
            {(control) => <input {...control} inputMode="decimal" data-testid="member-add-longitude" />}
          </Field>
          <Field name="languages" label={t('member.field.languages')} hint={t('member.field.languagesHint')}>
            {(control) => <input {...control} data-testid="member-add-languages" />}
          </Field>
        </div>
        <Field name="topics" label={t('member.field.topics')} group>
          {() => (
            <div className="checkbox-list">
              {topics.map((topic) => (
                <label key={topic.number}>
                  <input type="checkbox" name="topics" value={topic.number} data-testid={`member-add-topic-${topic.number}`} /> {topic.name}
                </label>
              ))}
            </div>
          )}
        </Field>
      </FieldErrors>
      {duplicate ? (
        <div role="alert" className="problem" data-testid="member-add-duplicate">
          <p>{t('member.add.duplicate')}</p>
          {error.detail && <p>{error.detail}</p>}
        </div>
      ) : (
        <SaveProblem error={error} />
      )}
      <FormActions saving={saving} saveTestId="member-add-save" onCancel={onCancel} />
    </form>
  )
}
