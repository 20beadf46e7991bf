import { useTranslation } from 'react-i18next'
import { chooseLanguage, LANGUAGES, type Language } from '../i18n'

// Each language is offered in its own name, whatever the UI language is now.
const NATIVE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' }

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  return (
    <div role="group" aria-label={t('language.label')} className="language-switcher">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-label={NATIVE_NAMES[language]}
          aria-pressed={i18n.resolvedLanguage === language}
          data-testid={`lang-${language}`}
          onClick={() => void chooseLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  )
}
