import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Field, FieldErrors, fieldMessages } from '../components/Field'
import { codeList, number, requiredText, text, values } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { itemsOf, useCountries, useTopics } from '../components/useReference'
import { currentLanguage, LANGUAGES, type Language } from '../i18n'
import { FormActions } from '../components/FormActions'

type Member = Schemas['Member']
type ProfileText = Schemas['ProfileText']
const PROFILE_PARTS = ['visionAndMotivation', 'challengesAndGoals', 'planAndImplementation'] as const

/**
 * `record`: the secretariat's form for the whole record (PUT /api/members/{id}).
 * `profile`: a focal point's form for the public profile (PUT /api/members/{id}/profile);
 * name, country and year joined stay with the secretariat there.
 */
export type MemberFormMode = 'record' | 'profile'

export function MemberForm(props: {
  member: Member
  etag: string
  mode: MemberFormMode
  onSaved: () => void
  onCancel: () => void
  onReload: () => void
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const { member, mode } = props
  const countries = itemsOf(useCountries(language))
  const topics = itemsOf(useTopics(language))
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<unknown>()

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const profile = { ...readProfile(form, member.profile) }
    const common = {
      localName: text(form, 'localName'),
      population: number(form, 'population'),
      areaKm2: number(form, 'areaKm2'),
      website: text(form, 'website'),
      latitude: number(form, 'latitude'),
      longitude: number(form, 'longitude'),
      languages: codeList(form, 'languages'),
      mayor: readMayor(form),
      topics: values(form, 'topics').map(Number),
      profile,
    }
    const params = { path: { memberId: member.id }, header: { 'If-Match': props.etag }, query: { lang: language } }
    setSaving(true)
    setError(undefined)
    try {
      if (mode === 'record') {
        const body: Schemas['MemberInput'] = {
          ...common,
          externalId: text(form, 'externalId'),
          name: requiredText(form, 'name'),
          country: requiredText(form, 'country'),
          yearJoined: number(form, 'yearJoined') as number,
        }
        await api.PUT('/api/members/{memberId}', { params, body }).then(unwrap)
      } else {
        await api.PUT('/api/members/{memberId}/profile', { params, body: common }).then(unwrap)
      }
      props.onSaved()
    } catch (failure) {
      setError(failure)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="edit-form" onSubmit={save} noValidate data-testid={`member-form-${mode}`}>
      <h2>{mode === 'record' ? t('member.edit.recordTitle') : t('member.edit.profileTitle')}</h2>
      <FieldErrors error={error}>
        {mode === 'record' && (
          <div className="field-row">
            <Field name="name" label={t('member.field.name')} required>
              {(control) => <input {...control} defaultValue={member.name} />}
            </Field>
            <Field name="country" label={t('member.field.country')} required>
              {(control) => (
                <select {...control} defaultValue={member.country.iso2} key={countries.length}>
                  {countries.length === 0 && <option value={member.country.iso2}>{member.country.name}</option>}
                  {countries.map((country) => (
                    <option key={country.iso2} value={country.iso2}>
                      {country.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="yearJoined" label={t('member.field.yearJoined')} required>
              {(control) => <input {...control} type="number" min={2012} defaultValue={member.yearJoined} />}
            </Field>
            <Field name="externalId" label={t('member.field.externalId')}>
              {(control) => <input {...control} defaultValue={member.externalId ?? ''} />}
            </Field>
          </div>
        )}
        <div className="field-row">
          <Field name="localName" label={t('member.field.localName')}>
            {(control) => <input {...control} defaultValue={member.localName ?? ''} />}
          </Field>
          <Field name="website" label={t('member.field.website')}>
            {(control) => <input {...control} type="url" defaultValue={member.website ?? ''} />}
          </Field>
        </div>
        <div className="field-row">
          <Field name="population" label={t('member.field.population')}>
            {(control) => <input {...control} inputMode="numeric" defaultValue={member.population ?? ''} />}
          </Field>
          <Field name="areaKm2" label={t('member.field.areaKm2')}>
            {(control) => <input {...control} inputMode="decimal" defaultValue={member.areaKm2 ?? ''} />}
          </Field>
          <Field name="latitude" label={t('member.field.latitude')}>
            {(control) => <input {...control} inputMode="decimal" defaultValue={member.latitude ?? ''} data-testid="input-latitude" />}
          </Field>
          <Field name="longitude" label={t('member.field.longitude')}>
            {(control) => <input {...control} inputMode="decimal" defaultValue={member.longitude ?? ''} />}
          </Field>
        </div>
        <div className="field-row">
          <Field name="mayor.name" label={t('member.field.mayorName')}>
            {(control) => <input {...control} defaultValue={member.mayor?.name ?? ''} />}
          </Field>
          <Field name="mayor.title" label={t('member.field.mayorTitle')}>
            {(control) => <input {...control} defaultValue={member.mayor?.title ?? ''} />}
          </Field>
          <Field name="languages" label={t('member.field.languages')} hint={t('member.field.languagesHint')}>
            {(control) => <input {...control} defaultValue={member.languages.join(', ')} />}
          </Field>
        </div>
        <Field name="topics" label={t('member.field.topics')} group>
          {() => (
            <div className="checkbox-list">
              {/* Until the topic names arrive, the city's topics travel unchanged (not erased). */}
              {topics.length === 0 && member.topics.map((number) => <input key={number} type="hidden" name="topics" value={number} />)}
              {topics.map((topic) => (
                <label key={topic.number}>
                  <input type="checkbox" name="topics" value={topic.number} defaultChecked={member.topics.includes(topic.number)} />{' '}
                  {topic.name}
                </label>
              ))}
            </div>
          )}
        </Field>
        <ProfileTabs profile={member.profile} error={error} />
      </FieldErrors>
      <SaveProblem error={error} onReload={props.onReload} />
      <FormActions saving={saving} saveTestId="member-save" onCancel={props.onCancel} />
    </form>
  )
}

/** The narrative in EN, FR and ES, one tab each. Every tab stays in the form (only hidden) so all three are saved. */
function ProfileTabs({ profile, error }: { profile: Member['profile']; error: unknown }) {
  const { t } = useTranslation()
  const [active, setActive] = useState<Language>(currentLanguage())
  const messages = fieldMessages(error)
  const hasError = (language: Language) => [...messages.keys()].some((field) => field.startsWith(`profile.${language}.`))

  // After a failed save, show the first language with a problem.
  useEffect(() => {
    const first = LANGUAGES.find(hasError)
    if (first) setActive(first)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new error arrives
  }, [error])

  return (
    <fieldset className="profile-tabs">
      <legend>{t('member.field.profile')}</legend>
      <div role="tablist" aria-label={t('member.field.profileLanguage')}>
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            role="tab"
            id={`profile-tab-${language}`}
            aria-selected={active === language}
            aria-controls={`profile-panel-${language}`}
            data-testid={`profile-tab-${language}`}
            onClick={() => setActive(language)}
          >
            {language.toUpperCase()}
            {hasError(language) && <span className="tab-error"> {t('edit.tabHasErrors')}</span>}
          </button>
        ))}
      </div>
      {LANGUAGES.map((language) => (
        <div
          key={language}
          role="tabpanel"
          id={`profile-panel-${language}`}
          aria-labelledby={`profile-tab-${language}`}
          hidden={active !== language}
          lang={language}
        >
          {PROFILE_PARTS.map((part) => (
            <Field key={part} name={`profile.${language}.${part}`} label={t(`member.profilePart.${part}`)}>
              {(control) => <textarea {...control} rows={5} defaultValue={profile[language]?.[part] ?? ''} data-testid={`input-profile-${language}-${part}`} />}
            </Field>
          ))}
        </div>
      ))}
    </fieldset>
  )
}

function readMayor(form: FormData): Schemas['Mayor'] | null {
  const name = text(form, 'mayor.name')
  const title = text(form, 'mayor.title')
  if (!name && !title) return null
  return { name: name ?? '', title } // a title without a name: the API names mayor.name
}

/**
 * The profile as the form has it. The API replaces the whole map, so languages this form does
 * not show are sent back unchanged, and a language whose three parts are empty is left out.
 */
function readProfile(form: FormData, current: Member['profile']): Record<string, ProfileText> {
  const profile: Record<string, ProfileText> = {}
  for (const [language, texts] of Object.entries(current)) {
    if (!LANGUAGES.includes(language as Language)) profile[language] = texts
  }
  for (const language of LANGUAGES) {
    const texts = Object.fromEntries(PROFILE_PARTS.map((part) => [part, text(form, `profile.${language}.${part}`)])) as ProfileText
    if (PROFILE_PARTS.some((part) => texts[part])) profile[language] = texts
  }
  return profile
}
