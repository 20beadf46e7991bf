import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { authenticated } from './testData'
import { TranslationStatusPage } from './TranslationStatusPage'

// The first render loads the page's modules; on a busy shared machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 20_000 })

const auth = vi.hoisted(() => ({ state: { status: 'anonymous' } as AuthState }))
vi.mock('../auth/AuthProvider', () => ({
  useAuth: () => auth.state,
  useHasRole: (role: string) => auth.state.status === 'authenticated' && auth.state.user.roles.includes(role as never),
}))

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  auth.state = { status: 'anonymous' }
  await chooseLanguage('en')
})

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/translation-status']}>
      <Routes>
        <Route path="/translation-status" element={<TranslationStatusPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

describe('TranslationStatusPage', () => {
  it('lists for the secretariat what lacks a language, filtered by kind and language', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = fakeApi((_request, url) =>
      url.pathname === '/api/translation-status'
        ? json({
            items: [
              { kind: 'RESOURCE', id: 31, title: 'Quarterly newsletter', originalLanguage: 'en', languages: ['en', 'fr'], missing: ['es'] },
              { kind: 'CASE_STUDY', id: 9, title: 'Skills centres', originalLanguage: 'en', languages: ['en'], missing: ['fr', 'es'] },
            ],
            page: 1,
            size: 20,
            total: 2,
          })
        : undefined,
    )
    renderPage()

    const rows = await screen.findAllByTestId('translation-row')
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['Resource', 'Quarterly newsletter', 'English', 'EN FR', 'ES'],
      ['Case study', 'Skills centres', 'English', 'EN', 'FR ES'],
    ])
    expect(within(rows[1]).getByRole('link').getAttribute('href')).toBe('/case-studies/9')

    fireEvent.change(screen.getByTestId('translation-kind'), { target: { value: 'RESOURCE' } })
    fireEvent.change(screen.getByTestId('translation-language'), { target: { value: 'es' } })
    await waitFor(() =>
      expect(Object.fromEntries(new URL(requestsTo(fetchMock, '/api/translation-status').at(-1)!.url).searchParams)).toEqual({
        kind: 'RESOURCE',
        language: 'es',
        page: '1',
        size: '20',
      }),
    )
  })

  it('tells anyone else that it is the secretariat\'s, without asking the API', async () => {
    auth.state = authenticated('focal-point')
    const fetchMock = fakeApi(() => undefined)
    renderPage()
    expect((await screen.findByTestId('translation-forbidden')).textContent).toBe('Only the secretariat sees the translation status.')
    expect(requestsTo(fetchMock, '/api/translation-status')).toHaveLength(0)
  })
})
