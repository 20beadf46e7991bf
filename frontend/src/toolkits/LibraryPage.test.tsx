import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { LibraryPage } from './LibraryPage'

// The first render loads the page's modules; on a busy shared machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 20_000 })

vi.mock('../auth/AuthProvider', () => ({ useAuth: () => ({ status: 'anonymous' }), useHasRole: () => false }))

const RESULT: Schemas['SearchResult'] = {
  kind: 'RESOURCE',
  id: 31,
  title: 'Deux modèles de mentorat par des bénévoles',
  language: 'fr',
  snippet: [
    { text: 'Deux modèles de ', match: false },
    { text: 'mentorat', match: true },
    { text: ' par des bénévoles', match: false },
  ],
  score: 12.5,
  resourceType: 'MENTORING_GUIDE',
  topics: [10],
}
// Stored text that looks like markup: it must arrive on the page as text.
const HOSTILE: Schemas['SearchResult'] = {
  ...RESULT,
  kind: 'CASE_STUDY',
  id: 9,
  title: '<img src=x onerror=alert(1)>',
  resourceType: null,
  snippet: [
    { text: '<b>bold</b> ', match: false },
    { text: '<script>mentorat</script>', match: true },
  ],
}

function LocationProbe() {
  return <output data-testid="location">{useLocation().search}</output>
}

function renderAt(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route
          path="/library"
          element={
            <>
              <LibraryPage />
              <LocationProbe />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
  )
}

const lastSearch = (fetchMock: ReturnType<typeof fakeApi>) =>
  Object.fromEntries(new URL(requestsTo(fetchMock, '/api/search').at(-1)!.url).searchParams)

describe('LibraryPage', () => {
  let fetchMock: ReturnType<typeof fakeApi>

  beforeEach(async () => {
    await chooseLanguage('en')
    fetchMock = fakeApi((_request, url) => {
      if (url.pathname === '/api/search') return json({ items: [RESULT, HOSTILE], page: Number(url.searchParams.get('page') ?? 1), size: 20, total: 45 })
      if (url.pathname === '/api/toolkits') {
        return json({
          items: [{ id: 2, title: 'Learning Cities Toolkit', summary: 'Practical advice.', originalLanguage: 'en', languages: ['en', 'fr'], fallbackFields: [], project: { id: 3, acronym: 'Learning Cities', title: 'x' }, clusterId: null, topics: [] }],
          page: 1,
          size: 20,
          total: 1,
        })
      }
    })
  })

  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('searches the words of ?q= with the filters of the URL and shows ranked results with the matches marked', async () => {
    renderAt('/library?q=mentorat&kind=RESOURCE&topic=10&language=fr&targetGroup=VOLUNTEERS&page=2')

    const results = await screen.findAllByTestId('search-result')
    expect(lastSearch(fetchMock)).toEqual({ q: 'mentorat', kind: 'RESOURCE', topic: '10', language: 'fr', targetGroup: 'VOLUNTEERS', page: '2', size: '20', lang: 'en' })
    expect((screen.getByTestId('library-q') as HTMLInputElement).value).toBe('mentorat')
    expect(screen.getByTestId('library-total').textContent).toBe('Results: 45')
    const first = results[0]
    expect(within(first).getByRole('link').getAttribute('href')).toBe('/resources/31')
    expect(within(first).getByRole('heading').getAttribute('lang')).toBe('fr')
    expect(first.textContent).toContain('Mentoring guide')
    expect([...first.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['mentorat'])
    expect(within(first).getByTestId('snippet').textContent).toBe('Deux modèles de mentorat par des bénévoles')
    expect(within(results[1]).getByRole('link').getAttribute('href')).toBe('/case-studies/9')
  })

  it('shows stored text that looks like markup as text, never as HTML', async () => {
    renderAt('/library?q=mentorat')
    const hostile = (await screen.findAllByTestId('search-result'))[1]

    expect(hostile.querySelector('img, script, b')).toBeNull()
    expect(within(hostile).getByRole('link').textContent).toBe('<img src=x onerror=alert(1)>')
    expect(hostile.querySelector('mark')?.textContent).toBe('<script>mentorat</script>')
    expect(within(hostile).getByTestId('snippet').textContent).toBe('<b>bold</b> <script>mentorat</script>')
  })

  it('writes the words into ?q= and a changed filter into the URL, starting again at page 1', async () => {
    renderAt('/library?kind=RESOURCE&page=3')
    // Without words: the toolkits, no search.
    expect((await screen.findByTestId('toolkit-link')).getAttribute('href')).toBe('/toolkits/2')
    expect(requestsTo(fetchMock, '/api/search')).toHaveLength(0)

    fireEvent.change(screen.getByTestId('library-q'), { target: { value: ' voluntariado ' } })
    fireEvent.click(screen.getByTestId('library-submit'))
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('?kind=RESOURCE&q=voluntariado'))
    await waitFor(() => expect(lastSearch(fetchMock)).toMatchObject({ q: 'voluntariado', kind: 'RESOURCE', page: '1' }))

    await screen.findByRole('option', { name: 'Africa' })
    fireEvent.change(screen.getByTestId('library-region'), { target: { value: 'AFRICA' } })
    await waitFor(() => expect(lastSearch(fetchMock)).toMatchObject({ q: 'voluntariado', region: 'AFRICA', page: '1' }))

    fireEvent.click(await screen.findByTestId('page-next'))
    await waitFor(() => expect(lastSearch(fetchMock)).toMatchObject({ region: 'AFRICA', page: '2' }))
  })

  it('explains a refused search (problem+json) in words', async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/search') {
        return json({ type: 'about:blank', title: 'Bad request', status: 400, detail: 'Give at least one word of three or more letters that is not a stop word.' }, 400)
      }
    })
    renderAt('/library?q=the')
    expect((await screen.findByTestId('problem')).textContent).toContain('Give at least one word of three or more letters')
  })
})
