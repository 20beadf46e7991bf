import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import { chooseLanguage } from '../i18n'
import { fakeApi, json } from '../test/fakeApi'
import { DirectoryPage } from './DirectoryPage'
import { MemberPage } from './MemberPage'

// Stored text that looks like HTML is data: the SPA shows it as text and never lets the browser parse it.
const HOSTILE = '<img src=x onerror="window.__pwned = true"><script>window.__pwned = true</script>'

const MEMBER: Schemas['Member'] = {
  id: 7,
  name: HOSTILE,
  localName: `<b>${HOSTILE}</b>`,
  country: { iso2: 'CO', name: 'Colombia' },
  yearJoined: 2015,
  status: 'MEMBER',
  languages: ['es'],
  mayor: { name: HOSTILE, title: null },
  topics: [],
  profile: { en: { visionAndMotivation: HOSTILE } },
  localizedProfile: { language: 'en', fallback: false, visionAndMotivation: HOSTILE },
  nextProgressReportDue: '2027-12-31',
  progressReportOverdue: false,
  version: 1,
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function expectNoMarkupFrom(container: HTMLElement) {
  expect(container.querySelector('img[src="x"]')).toBeNull()
  expect(container.querySelector('script')).toBeNull()
  expect(container.querySelector('b')).toBeNull()
  expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined()
}

describe('text that looks like HTML', () => {
  it('is shown as text on a member page', async () => {
    await chooseLanguage('en')
    fakeApi((_request, url) => {
      switch (url.pathname) {
        case '/api/members/7':
          return json(MEMBER, 200, { ETag: '"1"' })
        case '/api/members/7/status-changes':
          return json({ items: [], page: 1, size: 20, total: 0 })
        case '/api/members/7/progress-reports':
          return json({ items: [], page: 1, size: 20, total: 0, nextDue: '2027-12-31', overdue: false })
      }
    })
    const { container } = render(
      <MemoryRouter initialEntries={['/members/7']}>
        <Routes>
          <Route path="/members/:id" element={<MemberPage />} />
        </Routes>
      </MemoryRouter>,
    )

    expect((await screen.findByTestId('member-name', {}, { timeout: 10000 })).textContent).toBe(HOSTILE)
    expect(screen.getByTestId('profile-visionAndMotivation').textContent).toBe(HOSTILE)
    expect(container.textContent).toContain(`<b>${HOSTILE}</b>`)
    expectNoMarkupFrom(container)
  })

  it('is shown as text in the directory', async () => {
    await chooseLanguage('en')
    const summary = { id: 7, name: HOSTILE, country: { iso2: 'CO', name: 'Colombia' }, yearJoined: 2015, status: 'MEMBER', topics: [] }
    fakeApi((request, url) => {
      if (url.pathname !== '/api/members') return undefined
      if (request.headers.get('Accept') === 'application/geo+json') return json({ type: 'FeatureCollection', features: [] })
      return json({ items: [summary], page: 1, size: 20, total: 1 })
    })
    const { container } = render(
      <MemoryRouter initialEntries={['/members']}>
        <Routes>
          <Route path="/members" element={<DirectoryPage />} />
        </Routes>
      </MemoryRouter>,
    )

    expect((await screen.findByText(HOSTILE, {}, { timeout: 10000 })).textContent).toBe(HOSTILE)
    expectNoMarkupFrom(container)
  })

  it('has no way into the page: no source file injects HTML', () => {
    // Every source file of the SPA, as text (tests and generated types aside).
    const sources = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/*.d.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>
    expect(Object.keys(sources).length).toBeGreaterThan(10)
    const injecting = Object.entries(sources)
      .filter(([, text]) => /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/.test(text))
      .map(([path]) => path)
    expect(injecting).toEqual([])
  })
})
