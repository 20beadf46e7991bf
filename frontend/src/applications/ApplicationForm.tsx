import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Field, FieldErrors, type ControlProps } from '../components/Field'
import { number, requiredText, text } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { itemsOf, useCountries } from '../components/useReference'
import { currentLanguage } from '../i18n'
import { countWords, WORD_LIMIT } from './wordCount'

const RATINGS = [1, 2, 3, 4, 5] as const

/** The membership application for one open call (all of ApplicationInput). */
export function ApplicationForm(props: { callId: number; onSubmitted: (application: Schemas['Application']) => void }) {
  const { t } = useTranslation()
  const countries = itemsOf(useCountries(currentLanguage()))
  const [error, setError] = useState<unknown>()
  const [sending, setSending] = useState(false)
  // Challenge rows are added and removed: each keeps a stable key so React keeps its inputs.
  const nextKey = useRef(1)
  const [challengeKeys, setChallengeKeys] = useState<number[]>([0])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const body: Schemas['ApplicationInput'] = {
      city: requiredText(form, 'city'),
      country: requiredText(form, 'country'),
      website: text(form, 'website'),
      mayor: { name: requiredText(form, 'mayor.name'), title: text(form, 'mayor.title') },
      contact: {
        name: requiredText(form, 'contact.name'),
        role: text(form, 'contact.role'),
        organisation: text(form, 'contact.organisation'),
        email: requiredText(form, 'contact.email'),
        phone: text(form, 'contact.phone'),
      },
      languageOfCommunication: (text(form, 'languageOfCommunication') ?? '') as 'en' | 'fr',
      population: number(form, 'population'),
      areaKm2: number(form, 'areaKm2'),
      gdpPerCapitaCityUsd: number(form, 'gdpPerCapitaCityUsd'),
      gdpPerCapitaCountryUsd: number(form, 'gdpPerCapitaCountryUsd'),
      schoolingYearsMen: number(form, 'schoolingYearsMen'),
      schoolingYearsWomen: number(form, 'schoolingYearsWomen'),
      motivation: requiredText(form, 'motivation'),
      implementation: requiredText(form, 'implementation'),
      // Rows left empty are not challenges; a named one without a rating gets the API's field error.
      challenges: challengeKeys
        .map((_, index) => ({ challenge: text(form, `challenges.${index}.challenge`), rating: number(form, `challenges.${index}.rating`) }))
        .filter((row) => row.challenge || row.rating)
        .map((row) => ({ challenge: row.challenge ?? '', rating: row.rating as number })),
      interests: text(form, 'interests'),
      expertise: text(form, 'expertise'),
      commitsToDeclaration: form.get('commitsToDeclaration') === 'on',
    }
    setSending(true)
    setError(undefined)
    try {
      const application = await api
        .POST('/api/membership-calls/{callId}/applications', { params: { path: { callId: props.callId } }, body })
        .then(unwrap)
      props.onSubmitted(application)
    } catch (failure) {
      setError(failure)
    } finally {
      setSending(false)
    }
  }

  const input = (name: string, label: string, extra: { required?: boolean; type?: string; inputMode?: 'numeric' | 'decimal'; hint?: string } = {}) => (
    <Field name={name} label={label} required={extra.required} hint={extra.hint}>
      {(control) => <input {...control} type={extra.type ?? 'text'} inputMode={extra.inputMode} data-testid={`application-${name}`} />}
    </Field>
  )

  return (
    <form onSubmit={submit} noValidate className="edit-form" data-testid="application-form">
      <FieldErrors error={error}>
        <fieldset>
          <legend>{t('apply.section.city')}</legend>
          <div className="field-row">
            {input('city', t('apply.field.city'), { required: true })}
            <Field name="country" label={t('apply.field.country')} required>
              {(control) => (
                <select {...control} defaultValue="" data-testid="application-country">
                  <option value="">{t('apply.chooseCountry')}</option>
                  {countries.map((country) => (
                    <option key={country.iso2} value={country.iso2}>
                      {country.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {input('website', t('apply.field.website'), { type: 'url' })}
          </div>
          <div className="field-row">
            {input('mayor.name', t('apply.field.mayorName'), { required: true })}
            {input('mayor.title', t('apply.field.mayorTitle'))}
          </div>
          <div className="field-row">
            {input('population', t('apply.field.population'), { inputMode: 'numeric' })}
            {input('areaKm2', t('apply.field.areaKm2'), { inputMode: 'decimal' })}
            {input('gdpPerCapitaCityUsd', t('apply.field.gdpPerCapitaCityUsd'), { inputMode: 'decimal' })}
            {input('gdpPerCapitaCountryUsd', t('apply.field.gdpPerCapitaCountryUsd'), { inputMode: 'decimal' })}
            {input('schoolingYearsMen', t('apply.field.schoolingYearsMen'), { inputMode: 'decimal' })}
            {input('schoolingYearsWomen', t('apply.field.schoolingYearsWomen'), { inputMode: 'decimal' })}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('apply.section.contact')}</legend>
          <p className="hint">{t('apply.contactHint')}</p>
          <div className="field-row">
            {input('contact.name', t('apply.field.contactName'), { required: true })}
            {input('contact.role', t('apply.field.contactRole'))}
            {input('contact.organisation', t('apply.field.contactOrganisation'))}
            {input('contact.email', t('apply.field.contactEmail'), { required: true, type: 'email' })}
            {input('contact.phone', t('apply.field.contactPhone'), { type: 'tel' })}
          </div>
          <Field name="languageOfCommunication" label={t('apply.field.languageOfCommunication')} group required>
            {(control) => (
              <div className="radio-list">
                {(['en', 'fr'] as const).map((code) => (
                  <label key={code}>
                    <input type="radio" name={control.name} value={code} data-testid={`application-language-${code}`} />{' '}
                    {t(`apply.language.${code}`)}
                  </label>
                ))}
              </div>
            )}
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t('apply.section.plans')}</legend>
          <Field name="motivation" label={t('apply.field.motivation')} required hint={t('apply.wordLimitHint', { limit: WORD_LIMIT })}>
            {(control) => <WordCountedText control={control} testId="application-motivation" />}
          </Field>
          <Field name="implementation" label={t('apply.field.implementation')} required hint={t('apply.wordLimitHint', { limit: WORD_LIMIT })}>
            {(control) => <WordCountedText control={control} testId="application-implementation" />}
          </Field>
          <Field name="challenges" label={t('apply.field.challenges')} group hint={t('apply.challengesHint')}>
            {() => (
              <>
                {challengeKeys.map((key, index) => (
                  <div className="field-row challenge-row" key={key}>
                    {input(`challenges.${index}.challenge`, t('apply.field.challenge', { number: index + 1 }))}
                    <Field name={`challenges.${index}.rating`} label={t('apply.field.rating')}>
                      {(control) => (
                        <select {...control} defaultValue="" data-testid={`application-challenges.${index}.rating`}>
                          <option value="">{t('apply.chooseRating')}</option>
                          {RATINGS.map((rating) => (
                            <option key={rating} value={rating}>
                              {t('apply.rating', { rating })}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    {challengeKeys.length > 1 && (
                      <button type="button" onClick={() => setChallengeKeys(challengeKeys.filter((other) => other !== key))}>
                        {t('apply.removeChallenge')}
                      </button>
                    )}
                  </div>
                ))}
                {challengeKeys.length < 20 && (
                  <button type="button" onClick={() => setChallengeKeys([...challengeKeys, nextKey.current++])}>
                    {t('apply.addChallenge')}
                  </button>
                )}
              </>
            )}
          </Field>
          <Field name="interests" label={t('apply.field.interests')}>
            {(control) => <textarea {...control} rows={3} />}
          </Field>
          <Field name="expertise" label={t('apply.field.expertise')}>
            {(control) => <textarea {...control} rows={3} />}
          </Field>
        </fieldset>

        <Field name="commitsToDeclaration" label={t('apply.field.declarationTitle')} group required>
          {(control) => (
            <label>
              <input type="checkbox" name={control.name} aria-describedby={control['aria-describedby']} data-testid="application-declaration" />{' '}
              {t('apply.field.declaration')}
            </label>
          )}
        </Field>
      </FieldErrors>
      <SaveProblem error={error} />
      <div className="actions">
        <button type="submit" disabled={sending} data-testid="application-submit">
          {sending ? t('apply.sending') : t('apply.submit')}
        </button>
      </div>
    </form>
  )
}

/** A text area with a live count of its words against the limit. */
export function WordCountedText({ control, testId }: { control: ControlProps; testId: string }) {
  const { t } = useTranslation()
  const [value, setValue] = useState('')
  const words = countWords(value)
  const over = words > WORD_LIMIT
  const counterId = `${control.id}-count`
  return (
    <>
      <textarea
        {...control}
        aria-describedby={[control['aria-describedby'], counterId].filter(Boolean).join(' ')}
        aria-invalid={control['aria-invalid'] || over || undefined}
        rows={6}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        data-testid={testId}
      />
      <p id={counterId} className={over ? 'word-count word-count-over' : 'word-count'} aria-live="polite" data-testid={`${testId}-count`}>
        {over ? t('apply.wordsOver', { count: words, limit: WORD_LIMIT }) : t('apply.words', { count: words, limit: WORD_LIMIT })}
      </p>
    </>
  )
}
