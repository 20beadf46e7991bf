import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { languageName } from '../components/format'
import { requiredText, text } from '../components/formData'
import { Loaded } from '../components/Loaded'
import { SaveProblem } from '../components/SaveProblem'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { CONTENT_LANGUAGES } from './toolkitsApi'
import { useSubmit } from '../components/useSubmit'

/** The secretariat's list of the fiches' database categories, and a form to add one (code unique, name per language). */
export function CaseStudyCategories() {
  const { t } = useTranslation()
  const ui = currentLanguage()
  const [reloads, setReloads] = useState(0)
  const [formKey, setFormKey] = useState(0)
  const [added, setAdded] = useState<string>()
  const categories = useLoad(
    (signal) => api.GET('/api/case-study-categories', { params: { query: { lang: ui } }, signal }).then(unwrap),
    [ui, reloads],
  )
  const { saving, error, submit: save } = useSubmit((category: { code: string }) => {
    setAdded(category.code)
    setFormKey((n) => n + 1)
    setReloads((n) => n + 1)
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const name: Record<string, string> = {}
    for (const code of CONTENT_LANGUAGES) {
      const value = text(form, `name.${code}`)
      if (value) name[code] = value
    }
    setAdded(undefined)
    void save(() => api.POST('/api/case-study-categories', { body: { code: requiredText(form, 'code'), name } }).then(unwrap))
  }

  return (
    <section className="panel" aria-labelledby="categories-title" data-testid="case-study-categories">
      <h2 id="categories-title">{t('library.categories.title')}</h2>
      <Loaded state={categories} isEmpty={(data) => data.items.length === 0} empty={t('library.categories.none')}>
        {(data) => (
          <ul data-testid="category-list">
            {data.items.map((category) => (
              <li key={category.id} data-testid="category-item">
                <strong>{category.code}</strong>: {category.name}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      {added && (
        <p role="status" className="notice" data-testid="category-added">
          {t('library.categories.added', { code: added })}
        </p>
      )}
      <form key={formKey} className="edit-form" onSubmit={submit} noValidate data-testid="category-form">
        <h3>{t('library.categories.add')}</h3>
        <FieldErrors error={error}>
          <div className="field-row">
            <Field name="code" label={t('library.categories.code')} required>
              {(control) => <input {...control} maxLength={20} size={6} data-testid="input-category-code" />}
            </Field>
          </div>
          <Field name="name" label={t('library.categories.name')} required group>
            {(control) => (
              <div className="field-row">
                {CONTENT_LANGUAGES.map((code) => (
                  <label key={code}>
                    {languageName(code, ui)}{' '}
                    <input name={`name.${code}`} lang={code} aria-invalid={control['aria-invalid']} data-testid={`input-category-name-${code}`} />
                  </label>
                ))}
              </div>
            )}
          </Field>
        </FieldErrors>
        <SaveProblem error={error} />
        <div className="actions">
          <button type="submit" disabled={saving} data-testid="category-save">
            {saving ? t('edit.saving') : t('library.categories.submit')}
          </button>
        </div>
      </form>
    </section>
  )
}
