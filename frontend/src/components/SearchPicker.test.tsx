import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, requestsTo } from '../test/fakeApi'
import { directoryApi } from '../test/picker'
import { Field } from './Field'
import { MEMBER_CITIES, ORGANISATIONS, SearchPicker, type PickerOption, type PickerSource } from './SearchPicker'

vi.setConfig({ testTimeout: 20_000 })

beforeEach(async () => {
  await chooseLanguage('en')
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** A form with one picker, as the forms use it: inside a Field, the id sent from a hidden input. */
function Harness(props: { source: PickerSource; initial?: number | null; onChange?: (option: PickerOption | null) => void; onSubmit?: () => void }) {
  const [value, setValue] = useState<number | null>(props.initial ?? null)
  return (
    <form
      data-testid="form"
      onSubmit={(event) => {
        event.preventDefault()
        props.onSubmit?.()
      }}
    >
      <Field name="memberId" label="Member city">
        {(control) => (
          <SearchPicker
            control={control}
            source={props.source}
            value={value}
            onChange={(option) => {
              setValue(option?.id ?? null)
              props.onChange?.(option)
            }}
            testId="city"
          />
        )}
      </Field>
      <button type="button" onClick={() => setValue(null)} data-testid="reset">
        reset
      </button>
    </form>
  )
}

const sent = () => new FormData(screen.getByTestId('form') as HTMLFormElement).get('memberId')

describe('SearchPicker', () => {
  it('searches the directory as one types and shows each match with its country in a labelled listbox', async () => {
    const fetchMock = fakeApi((_request, url) => directoryApi(url))
    render(<Harness source={MEMBER_CITIES} />)
    const input = screen.getByRole('combobox', { name: 'Member city' })
    expect(input.getAttribute('aria-expanded')).toBe('false')

    fireEvent.change(input, { target: { value: 'tu' } })
    const options = await screen.findAllByRole('option')
    expect(options.map((option) => option.textContent)).toEqual(['Turin (Italy)', 'Tunis (Tunisia)'])
    expect(input.getAttribute('aria-expanded')).toBe('true')
    expect(screen.getByRole('listbox').id).toBe(input.getAttribute('aria-controls'))
    expect(screen.getByTestId('city-status').textContent).toBe('2 matches: arrow keys to move, Enter to choose.')
    const search = requestsTo(fetchMock, '/api/members')
    expect(search).toHaveLength(1)
    expect(Object.fromEntries(new URL(search[0].url).searchParams)).toMatchObject({ q: 'tu', size: '10', sort: 'name', lang: 'en' })
    expect(sent()).toBe('')
  })

  it('moves through the matches with the arrow keys (wrapping) and chooses with Enter, without submitting the form', async () => {
    fakeApi((_request, url) => directoryApi(url))
    const onChange = vi.fn()
    const onSubmit = vi.fn()
    render(<Harness source={MEMBER_CITIES} onChange={onChange} onSubmit={onSubmit} />)
    const input = screen.getByRole('combobox')
    fireEvent.change(input, { target: { value: 'tu' } })
    await screen.findAllByRole('option')

    fireEvent.keyDown(input, { key: 'ArrowDown' })
    const [turin, tunis] = screen.getAllByRole('option')
    expect(input.getAttribute('aria-activedescendant')).toBe(turin.id)
    expect(turin.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(input, { key: 'ArrowDown' })
    expect(input.getAttribute('aria-activedescendant')).toBe(tunis.id)
    fireEvent.keyDown(input, { key: 'ArrowDown' })
    expect(input.getAttribute('aria-activedescendant')).toBe(turin.id)
    fireEvent.keyDown(input, { key: 'ArrowUp' })
    expect(input.getAttribute('aria-activedescendant')).toBe(tunis.id)
    fireEvent.keyDown(input, { key: 'Enter' })

    expect(onChange).toHaveBeenLastCalledWith({ id: 41, name: 'Tunis', country: { iso2: 'TN', name: 'Tunisia' } })
    expect((input as HTMLInputElement).value).toBe('Tunis (Tunisia)')
    expect(input.getAttribute('aria-expanded')).toBe('false')
    expect(sent()).toBe('41')
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('closes the list with Escape without choosing, and chooses with a click too', async () => {
    fakeApi((_request, url) => directoryApi(url))
    render(<Harness source={MEMBER_CITIES} />)
    const input = screen.getByRole('combobox')
    fireEvent.change(input, { target: { value: 'med' } })
    await screen.findAllByRole('option')
    fireEvent.keyDown(input, { key: 'ArrowDown' })
    fireEvent.keyDown(input, { key: 'Escape' })
    expect(input.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('option')).toBeNull()
    expect(sent()).toBe('')
    expect(screen.getByTestId('city-unchosen').textContent).toBe('Not chosen yet: pick one from the list.')

    fireEvent.change(input, { target: { value: 'mede' } })
    fireEvent.mouseDown(await screen.findByRole('option', { name: /^Medellín/ }))
    expect(sent()).toBe('7')
    expect(screen.queryByTestId('city-unchosen')).toBeNull()
  })

  it('names the current choice of an edited record, and typing over it clears what is sent', async () => {
    const fetchMock = fakeApi((_request, url) => directoryApi(url))
    const onChange = vi.fn()
    render(<Harness source={ORGANISATIONS} initial={12} onChange={onChange} />)
    const input = screen.getByRole('combobox') as HTMLInputElement
    await waitFor(() => expect(input.value).toBe('UNESCO Institute for Lifelong Learning (Germany)'))
    expect(requestsTo(fetchMock, '/api/organisations/12')).toHaveLength(1)
    expect(sent()).toBe('12')

    fireEvent.change(input, { target: { value: 'Open' } })
    expect(onChange).toHaveBeenLastCalledWith(null)
    expect(sent()).toBe('')
    expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual(['Open Society Foundations'])
  })

  it('says when nothing matches, and empties when the form clears the choice', async () => {
    fakeApi((_request, url) => directoryApi(url))
    render(<Harness source={MEMBER_CITIES} />)
    const input = screen.getByRole('combobox') as HTMLInputElement
    fireEvent.change(input, { target: { value: 'zz' } })
    await waitFor(() => expect(screen.getByTestId('city-status').textContent).toBe('Nothing found for “zz”.'))
    expect(screen.getByRole('listbox', { hidden: true }).hidden).toBe(true)

    fireEvent.change(input, { target: { value: 'turin' } })
    fireEvent.mouseDown(await screen.findByRole('option', { name: /^Turin/ }))
    expect(input.value).toBe('Turin (Italy)')
    fireEvent.click(screen.getByTestId('reset'))
    expect(input.value).toBe('')
    expect(sent()).toBe('')
  })
})
