import { useTranslation } from 'react-i18next'
import { Field } from '../components/Field'
import { text } from '../components/formData'
import { LANGUAGES } from '../i18n'

type Texts = { en?: string | null; fr?: string | null; es?: string | null }

/**
 * One text in English, French and Spanish: a field per language named `name.en`, `name.fr`,
 * `name.es`, the paths the API names in its field errors. English is the language the API
 * requires when `required` is set.
 */
export function LocalizedFields(props: {
  name: string
  label: string
  value?: Texts | null
  required?: boolean
  multiline?: boolean
  /** The test ids' prefix, `name` unless given. */
  testId?: string
}) {
  const { t } = useTranslation()
  return (
    <Field name={props.name} label={props.label} group>
      {() =>
        LANGUAGES.map((language) => (
          <Field
            key={language}
            name={`${props.name}.${language}`}
            label={t(`clusters.reportForm.inLanguage.${language}`)}
            required={props.required && language === 'en'}
          >
            {(control) => {
              const shared = { ...control, defaultValue: props.value?.[language] ?? '', 'data-testid': `${props.testId ?? props.name}-${language}` }
              return props.multiline ? <textarea {...shared} rows={3} /> : <input {...shared} />
            }}
          </Field>
        ))
      }
    </Field>
  )
}

/**
 * The three languages of a text from the form. English is sent even when empty, so that the API
 * names it when it is required; French and Spanish are null when left empty.
 */
export function localizedText(form: FormData, name: string): { en: string; fr: string | null; es: string | null } {
  return { en: text(form, `${name}.en`) ?? '', fr: text(form, `${name}.fr`), es: text(form, `${name}.es`) }
}

/** Like `localizedText`, with English null too when empty (texts that may be left out entirely). */
export function optionalLocalizedText(form: FormData, name: string): { en: string | null; fr: string | null; es: string | null } {
  return { en: text(form, `${name}.en`), fr: text(form, `${name}.fr`), es: text(form, `${name}.es`) }
}
