import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Schemas } from '../api/client'
import { languageName } from '../components/format'
import { currentLanguage } from '../i18n'
import { CONTENT_LANGUAGES } from './toolkitsApi'

type Translations = Schemas['Translations']

/**
 * `texts` with `language`'s text replaced by `value` (removed when blank); the other languages
 * unchanged. The value is kept as typed (a controlled input must not lose its trailing space).
 */
export function withText(texts: Translations | undefined, language: string, value: string | null): Translations {
  const next: Translations = { ...(texts ?? {}) }
  if (value?.trim()) next[language] = value
  else delete next[language]
  return next
}

/** The texts as they are sent: trimmed, blank ones dropped. */
export function trimmedTexts(texts: Translations): Translations {
  return Object.fromEntries(Object.entries(texts).map(([language, value]) => [language, value.trim()]).filter(([, value]) => value !== ''))
}

export type TextLanguage = {
  /** The language whose texts the form shows and saves. */
  language: string
  setLanguage: (language: string) => void
  /** The languages offered: the app's three and the record's original one. */
  languages: string[]
  /** The stored text of the field at `path` (`title`, `sections[0].title`) in `language`. */
  stored: (path: string) => string
  /** That field's stored translations with `language`'s text replaced by `value`. */
  merged: (path: string, value: string | null) => Translations
}

/**
 * Texts are written one language at a time; the other stored languages travel back unchanged, so
 * editing the French text never erases the English one. A record opens in the UI language when
 * its `nameField` exists in it, else in its original language; a new one in the UI language.
 */
export function useTextLanguage(
  translations: Schemas['TranslationsByField'] | undefined,
  originalLanguage: string | undefined,
  nameField = 'title',
): TextLanguage {
  const ui = currentLanguage()
  const texts = translations ?? {}
  const [language, setLanguage] = useState<string>(() => (!originalLanguage || texts[nameField]?.[ui] ? ui : originalLanguage))
  return {
    language,
    setLanguage,
    languages: [...new Set<string>([...CONTENT_LANGUAGES, ...(originalLanguage ? [originalLanguage] : [])])],
    stored: (path) => texts[path]?.[language] ?? '',
    merged: (path, value) => withText(texts[path], language, value),
  }
}

/** The "language of the texts" choice at the top of a multilingual form. */
export function TextLanguageSelect({ texts, isNew }: { texts: TextLanguage; isNew: boolean }) {
  const { t } = useTranslation()
  const ui = currentLanguage()
  return (
    <div className="field">
      <label htmlFor="text-language">{t('library.form.language')}</label>
      <select id="text-language" value={texts.language} onChange={(event) => texts.setLanguage(event.target.value)} data-testid="input-language">
        {texts.languages.map((code) => (
          <option key={code} value={code}>
            {languageName(code, ui)}
          </option>
        ))}
      </select>
      <p className="hint">{isNew ? t('library.form.languageHintNew') : t('library.form.languageHintEdit')}</p>
    </div>
  )
}
