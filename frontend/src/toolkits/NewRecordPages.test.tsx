import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json } from '../test/fakeApi'
import { LibraryPage } from './LibraryPage'
import { NewProjectPage } from './NewRecordPages'
import { ProjectsPage } from './ProjectsPage'
import { authenticated, PROJECT } from './testData'

// The first render loads the page's modules; on a busy shared machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 40_000 })

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

function renderAt(url: string) {
  fakeApi((_request, url) => {
    if (url.pathname === '/api/projects') return json({ items: [PROJECT], page: 1, size: 20, total: 1 })
    if (url.pathname === '/api/toolkits') return json({ items: [], page: 1, size: 20, total: 0 })
    if (url.pathname === '/api/resources') return json({ items: [], page: 1, size: 200, total: 0 })
  })
  return render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/library" element={<LibraryPage />} />
        <Route path="/projects" element={<ProjectsPage />} />
        <Route path="/projects/new" element={<NewProjectPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

describe('entry points of the secretariat forms', () => {
  it('offers New project, toolkit and resource to the secretariat', async () => {
    auth.state = authenticated('secretariat')
    renderAt('/projects')
    expect((await screen.findByTestId('project-new')).getAttribute('href')).toBe('/projects/new')
    cleanup()
    renderAt('/library')
    expect((await screen.findByTestId('toolkit-new')).getAttribute('href')).toBe('/toolkits/new')
    expect(screen.getByTestId('resource-new').getAttribute('href')).toBe('/resources/new')
    expect(screen.getByTestId('library-project-new').getAttribute('href')).toBe('/projects/new')
  })

  it('offers nothing to other roles, and the form page tells them why', async () => {
    auth.state = authenticated('focal-point', 'coordinator')
    renderAt('/projects')
    await screen.findByTestId('project-list')
    expect(screen.queryByTestId('project-new')).toBeNull()
    cleanup()
    renderAt('/library')
    await screen.findByTestId('library-projects')
    expect(screen.queryByTestId('toolkit-new')).toBeNull()
    expect(screen.queryByTestId('resource-new')).toBeNull()
    cleanup()
    renderAt('/projects/new')
    expect((await screen.findByTestId('secretariat-only')).textContent).toBe('Only the secretariat adds and edits projects, toolkits and resources.')
    expect(screen.queryByTestId('project-form')).toBeNull()
  })
})
