import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { ResourcePage } from './ResourcePage'
import { authenticated, RESOURCE } from './testData'

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
    <MemoryRouter initialEntries={['/resources/31']}>
      <Routes>
        <Route path="/resources/:id" element={<ResourcePage />} />
      </Routes>
    </MemoryRouter>,
  )
}

describe('ResourcePage', () => {
  it('shows type, licence, target groups and per language a file download or an external link', async () => {
    fakeApi((_request, url) => (url.pathname === '/api/resources/31' ? json(RESOURCE) : undefined))
    renderPage()

    expect((await screen.findByTestId('resource-title')).textContent).toBe('Two models of volunteer mentoring')
    expect(screen.getByTestId('resource-type').textContent).toBe('Mentoring guide')
    expect(screen.getByTestId('resource-licence').textContent).toBe('CC-BY-SA-4.0')
    expect(screen.getByTestId('resource-target-groups').textContent).toBe('Volunteers')
    const download = screen.getByTestId('download-en')
    expect(download.getAttribute('href')).toBe('/api/resources/31/files/5')
    expect(download.textContent).toBe('mentoring-guide.pdf')
    expect(within(screen.getByTestId('variant-en')).getByText(/application\/pdf, 2\.4 MB/)).toBeTruthy()
    expect(screen.getByTestId('link-fr').getAttribute('href')).toBe('https://example.org/mentorat.pdf')
    expect(screen.getByTestId('link-fr').getAttribute('rel')).toBe('noopener noreferrer')
    // Visitors cannot upload or edit.
    expect(screen.queryByTestId('upload-form')).toBeNull()
    expect(screen.queryByTestId('resource-edit')).toBeNull()
    expect(screen.queryByTestId('replace-en')).toBeNull()
    expect(screen.queryByTestId('remove-en')).toBeNull()
  })

  it('lets the secretariat remove a file after a confirmation that names it, then reads the resource again', async () => {
    auth.state = authenticated('secretariat')
    let removed = false
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/resources/31/languages/en/file' && request.method === 'DELETE') {
        removed = true
        return new Response(null, { status: 204 })
      }
      if (url.pathname === '/api/resources/31') return json(removed ? { ...RESOURCE, variants: RESOURCE.variants.filter((variant) => variant.language !== 'en') } : RESOURCE)
    })
    renderPage()

    const remove = await screen.findByTestId('remove-en')
    expect(remove.getAttribute('aria-label')).toBe('Remove the English file')
    // A link is not a file: it changes in the resource's form.
    expect(screen.queryByTestId('remove-fr')).toBeNull()
    fireEvent.click(remove)
    fireEvent.click(screen.getByTestId('remove-cancel-en'))
    expect(requestsTo(fetchMock, '/api/resources/31/languages/en/file')).toHaveLength(0)

    fireEvent.click(screen.getByTestId('remove-en'))
    const confirm = screen.getByTestId('remove-confirm-en')
    expect(confirm.textContent).toBe('Remove mentoring-guide.pdf for good')
    expect(document.activeElement).toBe(confirm)
    fireEvent.click(confirm)

    expect((await screen.findByTestId('remove-done')).textContent).toBe('The English file mentoring-guide.pdf was removed.')
    await waitFor(() => expect(screen.queryByTestId('download-en')).toBeNull())
    expect(screen.getByTestId('link-fr')).toBeTruthy()
    const [request] = requestsTo(fetchMock, '/api/resources/31/languages/en/file')
    expect(request.method).toBe('DELETE')
  })

  it('shows why a removal was refused, and keeps the file listed', async () => {
    auth.state = authenticated('secretariat')
    fakeApi((request, url) => {
      if (url.pathname === '/api/resources/31/languages/en/file' && request.method === 'DELETE') {
        return json({ type: 'about:blank', title: 'Not found', status: 404, detail: 'Resource 31 has no file in en.' }, 404)
      }
      if (url.pathname === '/api/resources/31') return json(RESOURCE)
    })
    renderPage()
    fireEvent.click(await screen.findByTestId('remove-en'))
    fireEvent.click(screen.getByTestId('remove-confirm-en'))

    expect((await screen.findByRole('alert')).textContent).toContain('Resource 31 has no file in en.')
    expect(screen.getByTestId('download-en')).toBeTruthy()
    expect(screen.queryByTestId('remove-done')).toBeNull()
    expect((screen.getByTestId('remove-confirm-en') as HTMLButtonElement).disabled).toBe(false)
  })

  it("gives the secretariat a Replace button per language that readies the upload for that language", async () => {
    auth.state = authenticated('secretariat')
    fakeApi((_request, url) => (url.pathname === '/api/resources/31' ? json(RESOURCE) : undefined))
    renderPage()
    expect((await screen.findByTestId('upload-language') as HTMLSelectElement).value).toBe('en')
    fireEvent.click(screen.getByTestId('replace-fr'))
    expect((screen.getByTestId('upload-language') as HTMLSelectElement).value).toBe('fr')
    expect(document.activeElement).toBe(screen.getByTestId('upload-file'))
    expect(screen.getByTestId('replace-en').getAttribute('aria-label')).toBe('Replace the English file or link with another file')
  })

  it('offers Edit to the secretariat only: the form saves with the ETag read, then the page reads the resource again', async () => {
    auth.state = authenticated('focal-point')
    fakeApi((_request, url) => (url.pathname === '/api/resources/31' ? json(RESOURCE, 200, { ETag: '"1"' }) : undefined))
    renderPage()
    await screen.findByTestId('resource-title')
    expect(screen.queryByTestId('resource-edit')).toBeNull()
    cleanup()

    auth.state = authenticated('secretariat')
    let saved = false
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname !== '/api/resources/31') return undefined
      if (request.method === 'PUT') {
        saved = true
        return json({ ...RESOURCE, version: 2 }, 200, { ETag: '"2"' })
      }
      return json(saved ? { ...RESOURCE, title: 'Renamed guide', version: 2 } : RESOURCE, 200, { ETag: saved ? '"2"' : '"1"' })
    })
    renderPage()
    fireEvent.click(await screen.findByTestId('resource-edit'))
    fireEvent.change(screen.getByTestId('input-title'), { target: { value: 'Renamed guide' } })
    fireEvent.click(screen.getByTestId('resource-save'))

    expect((await screen.findByTestId('saved-notice')).textContent).toBe('Saved.')
    await waitFor(() => expect(screen.getByTestId('resource-title').textContent).toBe('Renamed guide'))
    const put = requestsTo(fetchMock, '/api/resources/31').find((request) => request.method === 'PUT')!
    expect(put.headers.get('If-Match')).toBe('"1"')
    expect(screen.queryByTestId('resource-form')).toBeNull()
  })

  it('lets the secretariat upload a file as multipart (language and file), then shows it', async () => {
    auth.state = authenticated('secretariat')
    let uploaded = false
    const stored = { ...RESOURCE.variants[0].file!, id: 6, language: 'es', fileName: 'guía.pdf', downloadUrl: '/api/resources/31/files/6' }
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/resources/31/files' && request.method === 'POST') {
        uploaded = true
        return json(stored, 201)
      }
      if (url.pathname === '/api/resources/31') {
        return json(uploaded ? { ...RESOURCE, variants: [...RESOURCE.variants, { language: 'es', link: null, file: stored }] } : RESOURCE)
      }
    })
    const post = vi.spyOn(api, 'POST')
    renderPage()

    fireEvent.change(await screen.findByTestId('upload-language'), { target: { value: 'es' } })
    const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'guía.pdf', { type: 'application/pdf' })
    fireEvent.change(screen.getByTestId('upload-file'), { target: { files: [file] } })
    fireEvent.click(screen.getByTestId('upload-submit'))

    expect((await screen.findByTestId('upload-done')).textContent).toContain('guía.pdf')
    expect((await screen.findByTestId('download-es')).getAttribute('href')).toBe('/api/resources/31/files/6')
    const request = requestsTo(fetchMock, '/api/resources/31/files')[0]
    expect(request.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/)
    // What went into the multipart body (jsdom's File cannot be read back from a Request).
    const form = (post.mock.calls.at(-1) as unknown as [string, { body: FormData }])[1].body
    expect(form.get('language')).toBe('es')
    const sent = form.get('file') as File
    expect(sent.name).toBe('guía.pdf')
    expect(sent.size).toBe(5)
    post.mockRestore()
  })

  it('explains a refused file type (415) and sends nothing without a file', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = fakeApi((_request, url) => {
      if (url.pathname === '/api/resources/31/files') {
        return json({ type: 'about:blank', title: 'Unsupported file type', status: 415, detail: 'HTML is not accepted: the file is text/html by its bytes.' }, 415)
      }
      if (url.pathname === '/api/resources/31') return json(RESOURCE)
    })
    renderPage()

    fireEvent.click(await screen.findByTestId('upload-submit'))
    expect(await screen.findByText('Choose a file to upload.')).toBeTruthy()
    expect(requestsTo(fetchMock, '/api/resources/31/files')).toHaveLength(0)

    fireEvent.change(screen.getByTestId('upload-file'), { target: { files: [new File(['<html></html>'], 'page.pdf')] } })
    fireEvent.click(screen.getByTestId('upload-submit'))
    await waitFor(() => expect(screen.getByTestId('problem').textContent).toContain('HTML is not accepted'))
    expect(screen.queryByTestId('upload-done')).toBeNull()
  })
})
