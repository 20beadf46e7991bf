import { createContext, useContext, useId, type ReactNode } from 'react'
import { ApiProblem } from '../api/problem'

/** "challenges[0].rating" and "challenges.0.rating" name the same field. */
export function normaliseField(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1')
}

/** Field messages of a failed save, by normalised field name. */
export type FieldMessages = Map<string, string[]>

export function fieldMessages(error: unknown): FieldMessages {
  const messages: FieldMessages = new Map()
  if (!(error instanceof ApiProblem)) return messages
  for (const { field, message } of error.errors) {
    const key = normaliseField(field)
    messages.set(key, [...(messages.get(key) ?? []), message])
  }
  return messages
}

const FieldMessagesContext = createContext<FieldMessages>(new Map())

/** Makes the field errors of `error` (a problem+json answer) show next to the fields below. */
export function FieldErrors({ error, children }: { error: unknown; children: ReactNode }) {
  return <FieldMessagesContext.Provider value={fieldMessages(error)}>{children}</FieldMessagesContext.Provider>
}

export function useFieldMessages(): FieldMessages {
  return useContext(FieldMessagesContext)
}

/** The props that tie a control to its label, hint and error. */
export type ControlProps = {
  id: string
  name: string
  'aria-invalid': boolean | undefined
  'aria-describedby': string | undefined
}

/**
 * A labelled form control with its hint and the API's messages for it. `name` is the JSON
 * property path the value is sent as, which is also how the API names the field in `errors[]`.
 * With `group`, the controls sit in a fieldset (checkboxes, radio buttons).
 */
export function Field(props: {
  name: string
  label: ReactNode
  hint?: ReactNode
  group?: boolean
  required?: boolean
  children: (control: ControlProps) => ReactNode
}) {
  const id = useId()
  const messages = useFieldMessages().get(normaliseField(props.name)) ?? []
  const hintId = props.hint ? `${id}-hint` : undefined
  const errorId = messages.length > 0 ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  const control: ControlProps = {
    id,
    name: props.name,
    'aria-invalid': messages.length > 0 || undefined,
    'aria-describedby': describedBy,
  }
  const label = (
    <>
      {props.label}
      {props.required && <span aria-hidden="true"> *</span>}
    </>
  )
  const body = (
    <>
      {props.children(control)}
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="field-error" data-testid={`error-${props.name}`}>
          {messages.join(' ')}
        </p>
      )}
    </>
  )
  if (props.group) {
    return (
      <fieldset className={messages.length ? 'field field-invalid' : 'field'} data-field={props.name} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {body}
      </fieldset>
    )
  }
  return (
    <div className={messages.length ? 'field field-invalid' : 'field'} data-field={props.name}>
      <label htmlFor={id}>{label}</label>
      {body}
    </div>
  )
}
