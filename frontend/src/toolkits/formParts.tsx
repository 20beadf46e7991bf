import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { useHasRole } from '../auth/AuthProvider'
import { Field } from '../components/Field'
import { RequireLogin } from '../components/LoginPrompt'
import { useLoad } from '../components/useLoad'
import { itemsOf, useTopics } from '../components/useReference'
import { currentLanguage } from '../i18n'
import { TARGET_GROUPS } from './toolkitsApi'

// Parts shared by the library's edit forms (project, toolkit, resource, case-study fiche).

/** A row of an editable list with a key that stays with it when rows move or go. */
export type Row<T> = { key: number; value: T }

let lastRowKey = 0
export function row<T>(value: T): Row<T> {
  lastRowKey += 1
  return { key: lastRowKey, value }
}

/** The rows with the one at `index` swapped with its neighbour `by` (−1 up, +1 down). */
export function moved<T>(rows: T[], index: number, by: -1 | 1): T[] {
  const target = index + by
  if (target < 0 || target >= rows.length) return rows
  const next = [...rows]
  ;[next[index], next[target]] = [next[target], next[index]]
  return next
}

/** Move up / move down / remove buttons of a list row; `label` names the row for screen readers. */
export function RowButtons(props: { index: number; count: number; label: string; testId: string; onMove?: (by: -1 | 1) => void; onRemove: () => void }) {
  const { t } = useTranslation()
  const { index, count, label, testId } = props
  return (
    <div className="row-buttons">
      {props.onMove && (
        <>
          <button type="button" disabled={index === 0} onClick={() => props.onMove!(-1)} aria-label={t('library.form.moveUp', { item: label })} data-testid={`${testId}-up`}>
            ↑
          </button>
          <button type="button" disabled={index === count - 1} onClick={() => props.onMove!(1)} aria-label={t('library.form.moveDown', { item: label })} data-testid={`${testId}-down`}>
            ↓
          </button>
        </>
      )}
      <button type="button" onClick={props.onRemove} aria-label={t('library.form.remove', { item: label })} data-testid={`${testId}-remove`}>
        {t('library.form.removeShort')}
      </button>
    </div>
  )
}

/** The topics as checkboxes named `topics`; until the names arrive, the chosen ones travel unchanged. */
export function TopicChoices({ chosen }: { chosen: number[] }) {
  const { t } = useTranslation()
  const topics = itemsOf(useTopics(currentLanguage()))
  return (
    <Field name="topics" label={t('library.field.topics')} group>
      {() => (
        <div className="checkbox-list">
          {topics.length === 0 && chosen.map((n) => <input key={n} type="hidden" name="topics" value={n} />)}
          {topics.map((topic) => (
            <label key={topic.number}>
              <input type="checkbox" name="topics" value={topic.number} defaultChecked={chosen.includes(topic.number)} /> {topic.name}
            </label>
          ))}
        </div>
      )}
    </Field>
  )
}

/** The target groups as checkboxes named `name` (the API calls them targetGroups or targetGroupCodes). */
export function TargetGroupChoices({ name, chosen }: { name: string; chosen: string[] }) {
  const { t } = useTranslation()
  return (
    <Field name={name} label={t('library.field.targetGroups')} group>
      {() => (
        <div className="checkbox-list">
          {TARGET_GROUPS.map((group) => (
            <label key={group}>
              <input type="checkbox" name={name} value={group} defaultChecked={chosen.includes(group)} /> {t(`library.targetGroup.${group}`)}
            </label>
          ))}
        </div>
      )}
    </Field>
  )
}

/** A resource as a picker shows it. */
export type PickedResource = { id: number; title: string }

/** Every resource (the newest 200), for pickers: loaded once per form. */
export function useResourceChoices(): PickedResource[] {
  const language = currentLanguage()
  const list = useLoad(
    async (signal) =>
      // JSON, not the CSV the same path also gives
      (await api.GET('/api/resources', { params: { query: { page: 1, size: 200, lang: language } }, signal }).then(unwrap)) as Schemas['ResourceSummaryList'],
    [language],
  )
  return list.status === 'loaded' ? list.data.items.map((resource) => ({ id: resource.id, title: resource.title })) : []
}

/**
 * An ordered list of resources: the chosen ones with Remove, and a choice of the others to add
 * (the newest ones, or those whose words match what is typed in the search box).
 */
export function ResourcePicker(props: {
  name: string
  label: string
  value: PickedResource[]
  choices: PickedResource[]
  testId: string
  onChange: (value: PickedResource[]) => void
}) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [adding, setAdding] = useState('')
  const [words, setWords] = useState('')
  const q = words.trim()
  const found = useLoad(
    async (signal) =>
      q.length < 2
        ? null
        : (await api.GET('/api/search', { params: { query: { q, kind: 'RESOURCE', size: 50, lang: language } }, signal }).then(unwrap)).items.map(
            (item): PickedResource => ({ id: item.id, title: item.title }),
          ),
    [q, language],
  )
  const { value, testId } = props
  const offered = found.status === 'loaded' && found.data ? found.data : props.choices
  const available = offered.filter((choice) => !value.some((picked) => picked.id === choice.id))
  return (
    <Field name={props.name} label={props.label} group>
      {() => (
        <>
          {value.length === 0 ? (
            <p className="muted">{t('library.form.noResources')}</p>
          ) : (
            <ol className="picked-list" data-testid={testId}>
              {value.map((resource, index) => (
                <li key={resource.id} data-testid={`${testId}-item`}>
                  {resource.title}{' '}
                  <RowButtons
                    index={index}
                    count={value.length}
                    label={resource.title}
                    testId={`${testId}-item`}
                    onRemove={() => props.onChange(value.filter((picked) => picked.id !== resource.id))}
                  />
                </li>
              ))}
            </ol>
          )}
          <div className="field-row">
            <input
              type="search"
              value={words}
              onChange={(event) => setWords(event.target.value)}
              aria-label={t('library.form.findResource')}
              placeholder={t('library.form.findResource')}
              data-testid={`${testId}-search`}
            />
            <select value={adding} onChange={(event) => setAdding(event.target.value)} aria-label={t('library.form.chooseResource')} data-testid={`${testId}-choice`}>
              <option value="">{t('library.form.chooseResource')}</option>
              {available.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.title}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!adding}
              onClick={() => {
                const choice = available.find((candidate) => String(candidate.id) === adding)
                if (choice) props.onChange([...value, choice])
                setAdding('')
              }}
              data-testid={`${testId}-add`}
            >
              {t('library.form.addResource')}
            </button>
          </div>
        </>
      )}
    </Field>
  )
}

/** The secretariat's pages (new project, toolkit, resource); others are told why they see nothing. */
export function SecretariatOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const isSecretariat = useHasRole('secretariat')
  return (
    <RequireLogin reason={t('library.form.secretariatOnly')}>
      {isSecretariat ? (
        children
      ) : (
        <p role="alert" className="problem" data-testid="secretariat-only">
          {t('library.form.secretariatOnly')}
        </p>
      )}
    </RequireLogin>
  )
}

/** A record page's edit state: the form instead of the record, then a notice and the record read again. */
export function useEditing(reload: () => void) {
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  return {
    editing,
    saved,
    start: () => {
      setSaved(false)
      setEditing(true)
    },
    cancel: () => setEditing(false),
    done: () => {
      setEditing(false)
      setSaved(true)
      reload()
    },
  }
}

/** The Edit button of a record page (for the secretariat, when not editing) and the notice after a save. */
export function EditControls({ editing, testId }: { editing: ReturnType<typeof useEditing>; testId: string }) {
  const { t } = useTranslation()
  const isSecretariat = useHasRole('secretariat')
  return (
    <>
      {editing.saved && (
        <p role="status" className="notice" data-testid="saved-notice">
          {t('edit.saved')}
        </p>
      )}
      {isSecretariat && !editing.editing && (
        <p>
          <button type="button" onClick={editing.start} data-testid={testId}>
            {t('edit.edit')}
          </button>
        </p>
      )}
    </>
  )
}
