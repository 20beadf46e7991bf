import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes, useParams } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo, type Handler } from '../test/fakeApi'
import { pick } from '../test/picker'
import { ClusterFormPage } from './ClusterFormPage'
import { authenticated, HEALTH, list } from './testData'

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

function ClusterStub() {
  return <p data-testid="cluster-page">cluster {useParams().id}</p>
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/clusters/new" element={<ClusterFormPage />} />
        <Route path="/clusters/:id" element={<ClusterStub />} />
        <Route path="/clusters/:id/edit" element={<ClusterFormPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

const organisation = (id: number, name: string): Schemas['Organisation'] => ({ id, name, kind: 'TECHNICAL_PARTNER', version: 1 })
const PARTNER = organisation(31, 'Open University')
const OTHER_PARTNER = organisation(32, 'Open Society Institute')

/** Reads of the form: the cluster (ETag "1", or `etag`), organisations by id and by name. */
function reads(write: Handler, options: { etag?: string } = {}): Handler {
  return (request, url) => {
    if (request.method !== 'GET') return write(request, url)
    switch (url.pathname) {
      case '/api/clusters/6':
        // The fake reference data knows topics 1 and 10 only.
        return json({ ...HEALTH, topics: [10], partnerOrganisationIds: [31] }, 200, { ETag: options.etag ?? '"1"' })
      case '/api/organisations/31':
        return json(PARTNER)
      case '/api/organisations/32':
        return json(OTHER_PARTNER)
      case '/api/organisations':
        return url.searchParams.get('q') === 'open' ? list([PARTNER, OTHER_PARTNER]) : list([])
    }
    return undefined
  }
}

describe('the cluster form', () => {
  it('is refused to any role but the secretariat', async () => {
    auth.state = authenticated('coordinator')
    fakeApi(reads(() => undefined))
    renderAt('/clusters/new')
    await screen.findByTestId('cluster-form-forbidden')
    expect(screen.queryByTestId('cluster-form')).toBeNull()
  })

  it('adds a cluster: names and descriptions per language, topics, a partner found by name, status', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = fakeApi(
      reads((request, url) => (request.method === 'POST' && url.pathname === '/api/clusters' ? json({ ...HEALTH, id: 9 }, 201, { ETag: '"0"' }) : undefined)),
    )
    renderAt('/clusters/new')

    const form = await screen.findByTestId('cluster-form')
    fireEvent.change(within(form).getByTestId('name-en'), { target: { value: ' Learning cities and ageing ' } })
    fireEvent.change(within(form).getByTestId('name-fr'), { target: { value: 'Villes apprenantes et vieillissement' } })
    fireEvent.change(within(form).getByTestId('description-es'), { target: { value: 'Aprendizaje de las personas mayores.' } })
    fireEvent.click(await within(form).findByTestId('cluster-topic-10'))
    fireEvent.click(within(form).getByTestId('cluster-topic-1'))
    // Found as one types, chosen with the keyboard; the box empties for the next one.
    await pick('partner', 'open', 'Open Society', form)
    await waitFor(() => expect(within(form).getByTestId('cluster-partner').textContent).toContain('Open Society Institute'))
    expect((within(form).getByLabelText('Find an organisation by name') as HTMLInputElement).value).toBe('')
    // A partner already chosen is not offered again.
    fireEvent.change(within(form).getByTestId('partner-input'), { target: { value: 'open' } })
    expect((await within(form).findAllByTestId('partner-option')).map((option) => option.textContent)).toEqual(['Open University'])
    fireEvent.change(within(form).getByTestId('cluster-status'), { target: { value: 'CLOSED' } })
    fireEvent.click(within(form).getByTestId('cluster-save'))

    expect((await screen.findByTestId('cluster-page')).textContent).toBe('cluster 9')
    const post = requestsTo(fetchMock, '/api/clusters').find((request) => request.method === 'POST')!
    expect(await post.json()).toEqual({
      name: { en: 'Learning cities and ageing', fr: 'Villes apprenantes et vieillissement', es: null },
      description: { en: null, fr: null, es: 'Aprendizaje de las personas mayores.' },
      topics: [1, 10],
      partnerOrganisationIds: [32],
      status: 'CLOSED',
    })
  })

  it('edits a cluster with the If-Match of what was read, its partners kept unless removed', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = fakeApi(
      reads((request, url) => (request.method === 'PUT' && url.pathname === '/api/clusters/6' ? json({ ...HEALTH, version: 4 }, 200, { ETag: '"4"' }) : undefined), {
        etag: '"3"',
      }),
    )
    renderAt('/clusters/6/edit')

    const form = await screen.findByTestId('cluster-form')
    expect((within(form).getByTestId('name-es') as HTMLInputElement).value).toBe('Salud y bienestar')
    await waitFor(() => expect(within(form).getByTestId('cluster-partner').textContent).toContain('Open University'))
    expect(((await within(form).findByTestId('cluster-topic-10')) as HTMLInputElement).checked).toBe(true)
    expect((within(form).getByTestId('cluster-topic-1') as HTMLInputElement).checked).toBe(false)
    fireEvent.change(within(form).getByTestId('name-en'), { target: { value: 'Health and well-being for all' } })
    fireEvent.click(within(form).getByTestId('cluster-save'))

    await screen.findByTestId('cluster-page')
    const put = requestsTo(fetchMock, '/api/clusters/6').find((request) => request.method === 'PUT')!
    expect(put.headers.get('If-Match')).toBe('"3"')
    expect(await put.json()).toEqual({
      name: { en: 'Health and well-being for all', fr: 'Santé et bien-être', es: 'Salud y bienestar' },
      description: { en: 'Health and well-being education for all citizens.', fr: null, es: null },
      topics: [10],
      partnerOrganisationIds: [31],
      status: 'ACTIVE',
    })
  })

  it('says readably that someone else changed the cluster (412), and reloads it on request', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = fakeApi(
      reads((request) =>
        request.method === 'PUT' ? json({ type: 'https://learning-cities.example.org/problems/stale', title: 'Precondition failed', status: 412 }, 412) : undefined,
      ),
    )
    renderAt('/clusters/6/edit')

    fireEvent.click(await screen.findByTestId('cluster-save'))
    const stale = await screen.findByTestId('stale-version')
    expect(stale.textContent).toContain('Someone else changed this record')
    expect(screen.queryByTestId('cluster-page')).toBeNull()
    fireEvent.click(within(stale).getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(requestsTo(fetchMock, '/api/clusters/6').filter((request) => request.method === 'GET')).toHaveLength(2))
    await waitFor(() => expect(screen.queryByTestId('stale-version')).toBeNull())
  })

  it("shows a refusal with the API's field errors next to the fields, what was typed kept", async () => {
    auth.state = authenticated('secretariat')
    fakeApi(
      reads((request) =>
        request.method === 'POST'
          ? json(
              {
                type: 'https://learning-cities.example.org/problems/validation',
                title: 'Validation failed',
                status: 422,
                errors: [
                  { field: 'name.en', message: 'must not be blank' },
                  { field: 'topics', message: 'must not be empty' },
                ],
              },
              422,
            )
          : undefined,
      ),
    )
    renderAt('/clusters/new')

    const form = await screen.findByTestId('cluster-form')
    fireEvent.change(within(form).getByTestId('name-fr'), { target: { value: 'Sans nom anglais' } })
    fireEvent.click(within(form).getByTestId('cluster-save'))

    expect((await screen.findByTestId('error-name.en')).textContent).toBe('must not be blank')
    expect(screen.getByTestId('error-topics').textContent).toBe('must not be empty')
    expect(within(form).getByTestId('problem').textContent).toContain('Validation failed')
    expect((within(form).getByTestId('name-fr') as HTMLInputElement).value).toBe('Sans nom anglais')
  })
})
