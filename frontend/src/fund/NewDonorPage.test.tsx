import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { directoryApi, pick } from '../test/picker'
import { NewDonorPage } from './NewDonorPage'
import { DONOR } from './testData'

vi.setConfig({ testTimeout: 20_000 })

vi.mock('../auth/AuthProvider', () => ({
  useAuth: () => ({ status: 'authenticated', user: { username: 'fund-manager', name: 'Farah Fund-Manager', roles: ['fund-manager'] } }),
  useHasRole: (role: string) => role === 'fund-manager',
}))

function renderPage() {
  return render(
    <MemoryRouter>
      <NewDonorPage />
    </MemoryRouter>,
  )
}

beforeEach(async () => {
  await chooseLanguage('en')
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('NewDonorPage', () => {
  it('registers a member city as an anonymous donor of type CITY', async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/donors' && request.method === 'POST') return json({ ...DONOR, id: 31, name: 'Medellín', donorType: 'CITY' }, 201)
      return directoryApi(url)
    })
    renderPage()
    fireEvent.click(screen.getByTestId('donor-party-member'))
    await pick('donor-member', 'mede', 'Medellín')
    expect(new URL(requestsTo(fetchMock, '/api/members')[0].url).searchParams.get('q')).toBe('mede')
    fireEvent.change(screen.getByTestId('donor-type'), { target: { value: 'CITY' } })
    fireEvent.click(screen.getByTestId('donor-anonymous'))
    fireEvent.click(screen.getByTestId('donor-create'))

    expect((await screen.findByTestId('donor-created')).textContent).toBe('Donor 31 registered: Medellín.')
    const [post] = requestsTo(fetchMock, '/api/donors')
    expect(await post.json()).toEqual({ memberId: 7, organisationId: null, donorType: 'CITY', anonymous: true, username: null })
    // The form is ready for the next donor: the picker is empty again.
    await waitFor(() => expect((screen.getByTestId('donor-member-input') as HTMLInputElement).value).toBe(''))
  })

  it('registers an organisation, and shows the problem with its field error when refused', async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/donors' && request.method === 'POST') {
        return json({ type: 'https://learning-cities.example.org/problems/validation', title: 'Invalid request', status: 422,
          detail: 'organisationId must be an existing organisation', errors: [{ field: 'organisationId', message: 'must be an existing organisation' }] }, 422)
      }
      return directoryApi(url)
    })
    renderPage()
    await pick('donor-organisation', 'lifelong', 'UNESCO Institute')
    expect((screen.getByLabelText(/^Organisation/) as HTMLInputElement).value).toBe('UNESCO Institute for Lifelong Learning (Germany)')
    fireEvent.change(screen.getByTestId('donor-username'), { target: { value: 'ministry' } })
    fireEvent.click(screen.getByTestId('donor-create'))

    expect((await screen.findByTestId('error-organisationId')).textContent).toBe('must be an existing organisation')
    // The message is tied to the picker's box, as to any other control.
    const box = screen.getByTestId('donor-organisation-input')
    expect(box.getAttribute('aria-invalid')).toBe('true')
    expect(box.getAttribute('aria-describedby')).toContain(screen.getByTestId('error-organisationId').id)
    expect(screen.getByRole('alert').textContent).toContain('Invalid request')
    expect(screen.queryByTestId('donor-created')).toBeNull()
    const [post] = requestsTo(fetchMock, '/api/donors')
    expect(await post.json()).toEqual({ memberId: null, organisationId: 12, donorType: 'GOVERNMENT', anonymous: false, username: 'ministry' })
  })
})
