import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { currentLanguage } from '../i18n'
import type { ControlProps } from './Field'

/** A record a picker offers: its id (what the API is sent), its name and its country (what a person recognises). */
export type PickerOption = { id: number; name: string; country: Schemas['CountryRef'] | null }

/**
 * Where a picker looks: a search by the start of a word of the name (a few matches; member
 * cities and organisations are thousands in a large network, so none is listed unasked), and
 * one record by id, to name the current choice of an edited record.
 */
export type PickerSource = {
  search: (q: string, lang: string, signal: AbortSignal) => Promise<PickerOption[]>
  byId: (id: number, lang: string, signal: AbortSignal) => Promise<PickerOption>
}

const MATCHES = 10

export const MEMBER_CITIES: PickerSource = {
  search: (q, lang, signal) =>
    // GET /api/members also answers GeoJSON and CSV; this call asks for the default, JSON.
    (api.GET('/api/members', { params: { query: { q, size: MATCHES, sort: 'name', lang } }, signal }).then(unwrap) as Promise<Schemas['MemberSummaryList']>).then(
      (list) => list.items.map((city) => ({ id: city.id, name: city.name, country: city.country })),
    ),
  byId: (memberId, lang, signal) =>
    api
      .GET('/api/members/{memberId}', { params: { path: { memberId }, query: { lang } }, signal })
      .then(unwrap)
      .then((city) => ({ id: city.id, name: city.name, country: city.country })),
}

export const ORGANISATIONS: PickerSource = {
  search: (q, lang, signal) =>
    (api.GET('/api/organisations', { params: { query: { q, size: MATCHES, lang } }, signal }).then(unwrap) as Promise<Schemas['OrganisationList']>).then((list) =>
      list.items.map((organisation) => ({ id: organisation.id, name: organisation.name, country: organisation.country ?? null })),
    ),
  byId: (organisationId, lang, signal) =>
    api
      .GET('/api/organisations/{organisationId}', { params: { path: { organisationId }, query: { lang } }, signal })
      .then(unwrap)
      .then((organisation) => ({ id: organisation.id, name: organisation.name, country: organisation.country ?? null })),
}

/** "Turin (Italy)": the name and, where known, the country. */
export function optionLabel(option: PickerOption): string {
  return option.country ? `${option.name} (${option.country.name})` : option.name
}

/** Typing pauses this long before the API is asked, so a word typed quickly is one request. */
const PAUSE_MS = 200

type Matches = { status: 'idle' } | { status: 'searching' } | { status: 'found'; items: PickerOption[] } | { status: 'failed' }

/**
 * A search-as-you-type choice of one record (the ARIA combobox pattern): typing asks the API,
 * the matches show as a listbox under the box, arrow keys move through them, Enter or a click
 * chooses, Escape closes the list. The chosen id travels in a hidden input named like the
 * field (so a form read with FormData sends it, and the API's error for it shows next to the
 * field); `onChange` tells the form. Typing over a choice clears it: what is sent is always
 * what is shown. With `clearOnPick` the box empties after each choice (adding to a list).
 */
export function SearchPicker(props: {
  control: ControlProps
  source: PickerSource
  value: number | null
  onChange: (option: PickerOption | null) => void
  exclude?: number[]
  clearOnPick?: boolean
  testId: string
}) {
  const { t } = useTranslation()
  const lang = currentLanguage()
  const { control, source, value } = props
  const listId = useId()
  const [chosen, setChosen] = useState<PickerOption | null>(null)
  const [text, setText] = useState('')
  const [query, setQuery] = useState('')
  const [matches, setMatches] = useState<Matches>({ status: 'idle' })
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [lookupFailed, setLookupFailed] = useState(false)

  // The current choice by name: an edited record brings only its id.
  useEffect(() => {
    if (value === null) {
      // Cleared from outside (the form was reset after a save): the box follows.
      if (chosen !== null) {
        setChosen(null)
        setText('')
      }
      return
    }
    if (chosen?.id === value) return
    const controller = new AbortController()
    setLookupFailed(false)
    source.byId(value, lang, controller.signal).then(
      (option) => {
        if (controller.signal.aborted) return
        setChosen(option)
        setText(optionLabel(option))
      },
      () => {
        if (controller.signal.aborted) return
        setLookupFailed(true)
        setText(`#${value}`)
      },
    )
    return () => controller.abort()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new id needs a lookup
  }, [value, lang])

  useEffect(() => {
    if (query === '') {
      setMatches({ status: 'idle' })
      return
    }
    const controller = new AbortController()
    setMatches({ status: 'searching' })
    const timer = setTimeout(() => {
      source.search(query, lang, controller.signal).then(
        (items) => controller.signal.aborted || setMatches({ status: 'found', items: items.filter((item) => !props.exclude?.includes(item.id)) }),
        () => controller.signal.aborted || setMatches({ status: 'failed' }),
      )
    }, PAUSE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new query or language is a new search
  }, [query, lang])

  const items = matches.status === 'found' ? matches.items : []
  const expanded = open && query !== ''

  function type(next: string) {
    setText(next)
    setQuery(next.trim())
    setActive(-1)
    setOpen(true)
    setLookupFailed(false)
    if (chosen !== null || value !== null) {
      setChosen(null)
      props.onChange(null)
    }
  }

  function pick(option: PickerOption) {
    setOpen(false)
    setQuery('')
    setActive(-1)
    if (props.clearOnPick) {
      setText('')
    } else {
      setChosen(option)
      setText(optionLabel(option))
    }
    props.onChange(option)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (items.length === 0) return
      setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current) => (!expanded || current < 0 ? (step === 1 ? 0 : items.length - 1) : (current + step + items.length) % items.length))
    } else if (event.key === 'Enter' && expanded) {
      // Enter chooses here instead of submitting the whole form.
      event.preventDefault()
      if (active >= 0 && items[active]) pick(items[active])
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault()
      setOpen(false)
      setActive(-1)
    }
  }

  const optionId = (index: number) => `${listId}-option-${index}`
  const unchosen = !expanded && text.trim() !== '' && value === null && !props.clearOnPick
  return (
    <div className="picker" data-testid={props.testId}>
      <input
        id={control.id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={control['aria-invalid']}
        aria-describedby={control['aria-describedby']}
        value={text}
        onChange={(event) => type(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => query !== '' && setOpen(true)}
        onBlur={() => setOpen(false)}
        data-testid={`${props.testId}-input`}
      />
      {control.name && <input type="hidden" name={control.name} value={value ?? ''} />}
      <ul id={listId} role="listbox" aria-label={t('picker.matches')} className="picker-list" hidden={!expanded || items.length === 0}>
        {items.map((option, index) => (
          <li
            key={option.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'picker-option active' : 'picker-option'}
            // mousedown, not click: choosing must happen before the box loses focus and closes the list
            onMouseDown={(event) => {
              event.preventDefault()
              pick(option)
            }}
            data-testid={`${props.testId}-option`}
            data-id={option.id}
          >
            {option.name}
            {option.country && <span className="muted"> ({option.country.name})</span>}
          </li>
        ))}
      </ul>
      <p role="status" className={expanded ? 'picker-status hint' : 'visually-hidden'} data-testid={`${props.testId}-status`}>
        {expanded && matches.status === 'searching' && t('picker.searching')}
        {expanded && matches.status === 'found' && (items.length === 0 ? t('picker.none', { q: query }) : t('picker.found', { count: items.length }))}
        {expanded && matches.status === 'failed' && t('picker.failed')}
      </p>
      {unchosen && (
        <p className="hint" data-testid={`${props.testId}-unchosen`}>
          {t('picker.unchosen')}
        </p>
      )}
      {lookupFailed && chosen === null && (
        <p className="hint" data-testid={`${props.testId}-unknown`}>
          {t('picker.unknown', { id: value })}
        </p>
      )}
    </div>
  )
}
