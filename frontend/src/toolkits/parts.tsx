import { Fragment, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Schemas } from '../api/client'
import { languageName } from '../components/format'
import { itemsOf, useTopics } from '../components/useReference'
import type { Language } from '../i18n'

/**
 * A search snippet: the API cuts the passage into segments and marks the matching ones. Each
 * segment is rendered as text (React escapes it), never as HTML, so stored text cannot inject markup.
 */
export function Snippet({ segments }: { segments: Schemas['SnippetSegment'][] }) {
  if (segments.length === 0) return null
  return (
    <p className="snippet" data-testid="snippet">
      {segments.map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>))}
    </p>
  )
}

/** Says which texts are not yet in the chosen language (the API shows them in the original one). */
export function FallbackNote({ fields, original, language }: { fields: string[]; original: string; language: Language }) {
  const { t } = useTranslation()
  if (fields.length === 0) return null
  return (
    <p className="notice" data-testid="fallback-note">
      {t('library.fallback', { wanted: languageName(language, language), shown: languageName(original, language) })}
    </p>
  )
}

/** Topic numbers as their names in the UI language (the number until the names arrive). */
export function TopicList({ topics, language }: { topics: number[]; language: Language }) {
  const names = itemsOf(useTopics(language))
  if (topics.length === 0) return null
  return <>{topics.map((number) => names.find((topic) => topic.number === number)?.name ?? String(number)).join(', ')}</>
}

/** A term and its value in a facts list; nothing when the value is empty. */
export function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  if (children == null || children === false || children === '') return null
  return (
    <>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  )
}

/** A stored text shown as paragraphs (line breaks kept by CSS), under a heading; nothing when empty. */
export function TextSection({ title, text, testId, lang }: { title: string; text: string | null | undefined; testId?: string; lang?: string }) {
  if (!text) return null
  return (
    <section>
      <h2>{title}</h2>
      <p className="narrative" data-testid={testId} lang={lang}>
        {text}
      </p>
    </section>
  )
}
