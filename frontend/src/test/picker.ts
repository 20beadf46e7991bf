import { fireEvent, waitFor, within } from '@testing-library/react'
import { json } from './fakeApi'

/** Cities and organisations the fake API finds by the start of a word of their name, as the real one does. */
export const CITIES = [
  { id: 7, name: 'Medellín', country: { iso2: 'CO', name: 'Colombia' }, yearJoined: 2015, status: 'MEMBER', topics: [] },
  { id: 40, name: 'Turin', country: { iso2: 'IT', name: 'Italy' }, yearJoined: 2016, status: 'MEMBER', topics: [] },
  { id: 41, name: 'Tunis', country: { iso2: 'TN', name: 'Tunisia' }, yearJoined: 2019, status: 'MEMBER', topics: [] },
]
export const ORGANISATIONS = [
  { id: 12, name: 'UNESCO Institute for Lifelong Learning', kind: 'INTERNATIONAL_ORGANISATION', country: { iso2: 'DE', name: 'Germany' }, version: 1 },
  { id: 13, name: 'Open Society Foundations', kind: 'FOUNDATION', country: null, version: 1 },
]

const matches = <T extends { name: string }>(items: T[], q: string) =>
  items.filter((item) => item.name.toLowerCase().split(/\s+/).some((word) => word.startsWith(q.toLowerCase())))

/** Answers the pickers' searches and lookups; undefined for anything else. */
export function directoryApi(url: URL): Response | undefined {
  const q = url.searchParams.get('q') ?? ''
  if (url.pathname === '/api/members') {
    const items = matches(CITIES, q)
    return json({ items, page: 1, size: 10, total: items.length })
  }
  if (url.pathname === '/api/organisations') {
    const items = matches(ORGANISATIONS, q)
    return json({ items, page: 1, size: 10, total: items.length })
  }
  const city = CITIES.find((item) => url.pathname === `/api/members/${item.id}`)
  if (city) return json({ ...city, languages: [], profile: null, nextProgressReportDue: null, progressReportOverdue: false, version: 1 })
  const organisation = ORGANISATIONS.find((item) => url.pathname === `/api/organisations/${item.id}`)
  if (organisation) return json(organisation)
  return undefined
}

/** Types `text` into the picker `testId` (within `container`), waits for the match named `name` and chooses it with the keyboard (arrows, Enter). */
export async function pick(testId: string, text: string, name: string, container: HTMLElement = document.body) {
  const input = within(container).getByTestId(`${testId}-input`) as HTMLInputElement
  fireEvent.change(input, { target: { value: text } })
  const options = await within(container).findAllByTestId(`${testId}-option`)
  const index = options.findIndex((option) => option.textContent?.startsWith(name))
  if (index < 0) throw new Error(`no option ${name} among ${options.map((option) => option.textContent).join(', ')}`)
  for (let i = 0; i <= index; i++) fireEvent.keyDown(input, { key: 'ArrowDown' })
  fireEvent.keyDown(input, { key: 'Enter' })
  await waitFor(() => {
    if (input.getAttribute('aria-expanded') !== 'false') throw new Error(`${testId} still shows its matches`)
  })
}
