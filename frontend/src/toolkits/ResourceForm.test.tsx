import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { ResourceForm } from './ResourceForm'
import { RESOURCE } from './testData'

// The first render loads the page's modules; on a busy shared machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 40_000 })

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await chooseLanguage('en')
})

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } })

describe('ResourceForm', () => {
  it('creates a resource in French with its metadata and a French link', async () => {
    const fetchMock = fakeApi((request, url) => (url.pathname === '/api/resources' && request.method === 'POST' ? json({ ...RESOURCE, id: 44 }, 201) : undefined))
    const onSaved = vi.fn()
    render(<ResourceForm onSaved={onSaved} onCancel={() => {}} />)

    type(screen.getByTestId('input-type'), 'MENTORING_GUIDE')
    type(screen.getByTestId('input-language'), 'fr')
    type(screen.getByTestId('input-title'), 'Guide du tutorat bénévole')
    type(screen.getByTestId('input-summary'), 'Deux modèles.')
    type(screen.getByTestId('input-authors'), 'A. Auteur\n\n B. Autrice ')
    type(screen.getByTestId('input-organisations'), 'Ville de Carvin')
    type(screen.getByTestId('input-publicationDate'), '2014-06-30')
    type(screen.getByTestId('input-licence'), 'CC-BY-SA-4.0')
    type(screen.getByTestId('input-link-fr'), 'https://example.org/tutorat.pdf')
    fireEvent.click(screen.getByLabelText('Volunteers'))
    fireEvent.click(await screen.findByLabelText('Digital learning'))
    fireEvent.click(screen.getByTestId('resource-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 44 })))
    expect(await requestsTo(fetchMock, '/api/resources')[0].json()).toEqual({
      externalId: null,
      type: 'MENTORING_GUIDE',
      originalLanguage: 'fr',
      title: { fr: 'Guide du tutorat bénévole' },
      summary: { fr: 'Deux modèles.' },
      topics: [10],
      targetGroups: ['VOLUNTEERS'],
      authors: ['A. Auteur', 'B. Autrice'],
      organisations: ['Ville de Carvin'],
      publicationDate: '2014-06-30',
      licence: 'CC-BY-SA-4.0',
      links: { fr: 'https://example.org/tutorat.pdf' },
    })
  })

  it('edits with If-Match; a language with a file offers no link, and the other languages stay', async () => {
    const fetchMock = fakeApi((request, url) => (url.pathname === '/api/resources/31' && request.method === 'PUT' ? json(RESOURCE, 200, { ETag: '"2"' }) : undefined))
    const onSaved = vi.fn()
    render(<ResourceForm resource={RESOURCE} etag={'"1"'} onSaved={onSaved} onCancel={() => {}} />)

    // English has the file mentoring-guide.pdf: no link field for it.
    expect(screen.queryByTestId('input-link-en')).toBeNull()
    expect(screen.getByTestId('has-file-en').textContent).toContain('mentoring-guide.pdf')
    expect((screen.getByTestId('input-link-fr') as HTMLInputElement).value).toBe('https://example.org/mentorat.pdf')
    type(screen.getByTestId('input-link-es'), 'https://example.org/mentoria.pdf')
    type(screen.getByTestId('input-title'), 'Two models of mentoring by volunteers')
    fireEvent.click(screen.getByTestId('resource-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const request = requestsTo(fetchMock, '/api/resources/31')[0]
    expect(request.headers.get('If-Match')).toBe('"1"')
    expect(await request.json()).toEqual({
      externalId: 'DEMO-LC-R12',
      type: 'MENTORING_GUIDE',
      originalLanguage: 'en',
      title: { en: 'Two models of mentoring by volunteers', fr: 'Deux modèles de mentorat par des bénévoles' },
      summary: {},
      topics: [10],
      targetGroups: ['VOLUNTEERS'],
      authors: ['A. Author'],
      organisations: ['Learning Cities partnership'],
      publicationDate: '2014-06-30',
      licence: 'CC-BY-SA-4.0',
      links: { fr: 'https://example.org/mentorat.pdf', es: 'https://example.org/mentoria.pdf' },
    })
  })

  it("shows the API's refusal of a licence and a link next to those fields", async () => {
    fakeApi((request, url) =>
      url.pathname === '/api/resources' && request.method === 'POST'
        ? json(
            {
              type: 'about:blank',
              title: 'Validation failed',
              status: 422,
              errors: [
                { field: 'licence', message: 'must be an SPDX identifier such as CC-BY-4.0, CC0-1.0 or Apache-2.0, or LicenseRef-<name>' },
                { field: 'links.fr', message: 'must be an http or https URL' },
              ],
            },
            422,
          )
        : undefined,
    )
    render(<ResourceForm onSaved={() => {}} onCancel={() => {}} />)
    type(screen.getByTestId('input-title'), 'A guide')
    type(screen.getByTestId('input-licence'), 'CC-BY-5.0')
    type(screen.getByTestId('input-link-fr'), 'ftp://example.org/guide.pdf')
    fireEvent.click(screen.getByTestId('resource-save'))

    expect((await screen.findByTestId('error-licence')).textContent).toContain('must be an SPDX identifier')
    expect(screen.getByTestId('input-licence').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('error-links.fr').textContent).toBe('must be an http or https URL')
    expect(screen.getByTestId('input-link-fr').getAttribute('aria-invalid')).toBe('true')
  })
})
