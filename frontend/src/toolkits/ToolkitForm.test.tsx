import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo, type Handler } from '../test/fakeApi'
import { PROJECT, RESOURCE_SUMMARY } from './testData'
import { ToolkitForm } from './ToolkitForm'

// The first render loads the page's modules; on a busy shared machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 40_000 })

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await chooseLanguage('en')
})

const VIDEO: Schemas['ResourceSummary'] = { ...RESOURCE_SUMMARY, id: 32, title: 'Video loop', type: 'VIDEO' }

/** Projects, clusters and resources to choose from, then `handler`. */
function toolkitApi(handler: Handler) {
  return fakeApi((request, url) => {
    if (request.method === 'GET') {
      if (url.pathname === '/api/resources') return json({ items: [RESOURCE_SUMMARY, VIDEO], page: 1, size: 200, total: 2 })
      if (url.pathname === '/api/projects') return json({ items: [PROJECT], page: 1, size: 200, total: 1 })
      if (url.pathname === '/api/clusters') return json({ items: [{ id: 6, code: 'HEALTH', name: { en: 'Health and well-being' } }], page: 1, size: 100, total: 1 })
    }
    return handler(request, url)
  })
}

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } })

const TOOLKIT: Schemas['Toolkit'] = {
  id: 2,
  externalId: 'DEMO-TK',
  title: 'Learning Cities Toolkit',
  summary: null,
  originalLanguage: 'en',
  languages: ['en', 'fr'],
  fallbackFields: [],
  project: { id: 3, acronym: 'Learning Cities', title: PROJECT.title },
  clusterId: null,
  topics: [10],
  sections: [
    { title: 'Environment', summary: null, resources: [RESOURCE_SUMMARY] },
    { title: 'Engagement', summary: null, resources: [VIDEO] },
  ],
  translations: {
    title: { en: 'Learning Cities Toolkit', fr: 'Boîte à outils des villes apprenantes' },
    'sections[0].title': { en: 'Environment', fr: 'Environnement' },
    'sections[1].title': { en: 'Engagement' },
  },
  version: 3,
}

describe('ToolkitForm', () => {
  it('creates a toolkit from a project with ordered sections and their resources', async () => {
    const fetchMock = toolkitApi((request, url) => (url.pathname === '/api/toolkits' && request.method === 'POST' ? json({ ...TOOLKIT, id: 5 }, 201) : undefined))
    const onSaved = vi.fn()
    render(<ToolkitForm onSaved={onSaved} onCancel={() => {}} />)

    type(screen.getByTestId('input-title'), 'Mentoring toolkit')
    type(screen.getByTestId('input-summary'), 'Tools for mentors.')
    await screen.findByRole('option', { name: `Learning Cities — ${PROJECT.title}` })
    type(screen.getByTestId('input-producer'), 'project:3')
    fireEvent.click(screen.getByTestId('add-section'))
    fireEvent.click(screen.getByTestId('add-section'))
    fireEvent.click(screen.getByTestId('add-section'))
    let sections = screen.getAllByTestId('section-row')
    type(within(sections[0]).getByTestId('input-section-title'), 'First')
    type(within(sections[1]).getByTestId('input-section-title'), 'Second')
    type(within(sections[1]).getByTestId('input-section-summary'), 'With a video.')
    type(within(sections[2]).getByTestId('input-section-title'), 'Dropped')
    await within(sections[0]).findByRole('option', { name: RESOURCE_SUMMARY.title })
    type(within(sections[0]).getByTestId('section-0-resources-choice'), '31')
    fireEvent.click(within(sections[0]).getByTestId('section-0-resources-add'))
    type(within(sections[1]).getByTestId('section-1-resources-choice'), '32')
    fireEvent.click(within(sections[1]).getByTestId('section-1-resources-add'))
    type(within(sections[1]).getByTestId('section-1-resources-choice'), '31')
    fireEvent.click(within(sections[1]).getByTestId('section-1-resources-add'))
    // The second section moves up, the third goes.
    fireEvent.click(within(sections[1]).getByTestId('section-up'))
    fireEvent.click(within(screen.getAllByTestId('section-row')[2]).getByTestId('section-remove'))
    sections = screen.getAllByTestId('section-row')
    expect(sections.map((section) => (within(section).getByTestId('input-section-title') as HTMLInputElement).value)).toEqual(['Second', 'First'])
    fireEvent.click(screen.getByTestId('toolkit-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 5 })))
    const body = await requestsTo(fetchMock, '/api/toolkits').find((request) => request.method === 'POST')!.json()
    expect(body).toEqual({
      externalId: null,
      originalLanguage: 'en',
      title: { en: 'Mentoring toolkit' },
      summary: { en: 'Tools for mentors.' },
      projectId: 3,
      clusterId: null,
      topics: [],
      sections: [
        { title: { en: 'Second' }, summary: { en: 'With a video.' }, resourceIds: [32, 31] },
        { title: { en: 'First' }, summary: {}, resourceIds: [31] },
      ],
    })
  })

  it('edits with If-Match, keeping the other languages and switching the producer to a cluster', async () => {
    const fetchMock = toolkitApi((request, url) => (url.pathname === '/api/toolkits/2' && request.method === 'PUT' ? json(TOOLKIT, 200, { ETag: '"4"' }) : undefined))
    const onSaved = vi.fn()
    render(<ToolkitForm toolkit={TOOLKIT} etag={'"3"'} onSaved={onSaved} onCancel={() => {}} />)

    type(screen.getByTestId('input-language'), 'fr')
    expect((screen.getByTestId('input-title') as HTMLInputElement).value).toBe('Boîte à outils des villes apprenantes')
    const sections = screen.getAllByTestId('section-row')
    type(within(sections[1]).getByTestId('input-section-title'), 'Engagement des publics')
    fireEvent.click(within(sections[0]).getByTestId('section-0-resources-item-remove'))
    await screen.findByRole('option', { name: 'Health and well-being' })
    type(screen.getByTestId('input-producer'), 'cluster:6')
    fireEvent.click(screen.getByTestId('toolkit-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const request = requestsTo(fetchMock, '/api/toolkits/2')[0]
    expect(request.headers.get('If-Match')).toBe('"3"')
    expect(await request.json()).toEqual({
      externalId: 'DEMO-TK',
      originalLanguage: 'en',
      title: TOOLKIT.translations.title,
      summary: {},
      projectId: null,
      clusterId: 6,
      topics: [10],
      sections: [
        { title: { en: 'Environment', fr: 'Environnement' }, summary: {}, resourceIds: [] },
        { title: { en: 'Engagement', fr: 'Engagement des publics' }, summary: {}, resourceIds: [32] },
      ],
    })
  })

  it('finds an older resource by its words for a section (the choice lists only the newest 200)', async () => {
    const older = { id: 7, title: 'Guide du réseau local' }
    const fetchMock = toolkitApi((request, url) =>
      url.pathname === '/api/search'
        ? json({ items: [{ kind: 'RESOURCE', id: older.id, title: older.title, snippet: [], language: 'fr', resourceType: 'GUIDE' }], page: 1, size: 50, total: 1 })
        : url.pathname === '/api/toolkits' && request.method === 'POST'
          ? json({ ...TOOLKIT, id: 6 }, 201)
          : undefined,
    )
    const onSaved = vi.fn()
    render(<ToolkitForm onSaved={onSaved} onCancel={() => {}} />)
    type(screen.getByTestId('input-title'), 'Networks')
    fireEvent.click(screen.getByTestId('add-section'))
    type(screen.getByTestId('input-section-title'), 'Start')
    type(screen.getByTestId('section-0-resources-search'), 'reseau')
    await screen.findByRole('option', { name: older.title })
    const search = new URL(requestsTo(fetchMock, '/api/search').at(-1)!.url).searchParams
    expect([search.get('q'), search.get('kind')]).toEqual(['reseau', 'RESOURCE'])
    type(screen.getByTestId('section-0-resources-choice'), '7')
    fireEvent.click(screen.getByTestId('section-0-resources-add'))
    fireEvent.click(screen.getByTestId('toolkit-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const body = await requestsTo(fetchMock, '/api/toolkits').find((request) => request.method === 'POST')!.json()
    expect(body.sections).toEqual([{ title: { en: 'Start' }, summary: {}, resourceIds: [7] }])
  })

  it("shows the API's refusal with the field error next to the section's title", async () => {
    toolkitApi((request, url) =>
      url.pathname === '/api/toolkits' && request.method === 'POST'
        ? json({ type: 'about:blank', title: 'Validation failed', status: 422, errors: [{ field: 'sections[0].title', message: 'needs a text in the original language en' }] }, 422)
        : undefined,
    )
    render(<ToolkitForm onSaved={() => {}} onCancel={() => {}} />)
    fireEvent.click(screen.getByTestId('add-section'))
    fireEvent.click(screen.getByTestId('toolkit-save'))

    const error = await screen.findByTestId('error-sections.0.title')
    expect(error.textContent).toBe('needs a text in the original language en')
    expect(within(screen.getByTestId('section-row')).getByTestId('input-section-title').getAttribute('aria-invalid')).toBe('true')
  })
})
