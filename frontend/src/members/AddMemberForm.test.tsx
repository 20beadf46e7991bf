import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { AddMemberForm } from './AddMemberForm'

function LocationProbe() {
  return <output data-testid="location">{useLocation().pathname}</output>
}

function renderForm() {
  const onCancel = vi.fn()
  render(
    <MemoryRouter initialEntries={['/members']}>
      <Routes>
        <Route path="/members" element={<AddMemberForm onCancel={onCancel} />} />
        <Route path="/members/:id" element={<p>city page</p>} />
      </Routes>
      <LocationProbe />
    </MemoryRouter>,
  )
  return { onCancel }
}

beforeEach(async () => {
  await chooseLanguage('en')
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('AddMemberForm', () => {
  it('posts the new city and opens its page', async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/members' && request.method === 'POST') {
        return json({ id: 99, name: 'Nakuru', country: { iso2: 'KE', name: 'Kenya' }, yearJoined: 2024, status: 'MEMBER', version: 0 }, 201, {
          Location: '/api/members/99',
        })
      }
    })
    renderForm()

    await screen.findByRole('option', { name: 'Kenya' })
    await screen.findByLabelText('Digital learning')
    const change = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
    fireEvent.change(screen.getByTestId('member-add-name'), { target: { value: ' Nakuru ' } })
    change(/^Country/, 'KE')
    change(/^Year joined/, '2024')
    change('Name in the local language', 'Nakuru')
    change('Population', '570674')
    change('Website', 'https://nakuru.go.ke')
    change('Latitude', '-0.3031')
    change('Longitude', '36.08')
    change(/^Languages of communication/, 'en, SW')
    fireEvent.click(screen.getByLabelText('Digital learning'))
    fireEvent.click(screen.getByTestId('member-add-save'))

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/members/99'))
    const [post] = requestsTo(fetchMock, '/api/members')
    expect(post.method).toBe('POST')
    expect(await post.json()).toEqual({
      name: 'Nakuru',
      country: 'KE',
      yearJoined: 2024,
      localName: 'Nakuru',
      population: 570674,
      website: 'https://nakuru.go.ke',
      latitude: -0.3031,
      longitude: 36.08,
      languages: ['en', 'sw'],
      topics: [10],
    })
  })

  it('sends empty optional fields as null and shows the field errors of a 422', async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/members' && request.method === 'POST') {
        return json(
          {
            type: 'https://learning-cities.example.org/problems/validation',
            title: 'Validation failed',
            status: 422,
            errors: [
              { field: 'name', message: 'must not be blank' },
              { field: 'country', message: 'is not a known country' },
            ],
          },
          422,
        )
      }
    })
    renderForm()
    fireEvent.change(screen.getByLabelText(/^Year joined/), { target: { value: '2020' } })
    fireEvent.click(screen.getByTestId('member-add-save'))

    expect((await screen.findByTestId('error-name')).textContent).toBe('must not be blank')
    expect(screen.getByTestId('error-country').closest('[data-field]')?.getAttribute('data-field')).toBe('country')
    expect(screen.getByLabelText(/^Country/).getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('location').textContent).toBe('/members')
    expect(await requestsTo(fetchMock, '/api/members')[0].json()).toEqual({
      name: '',
      country: '',
      yearJoined: 2020,
      localName: null,
      population: null,
      website: null,
      latitude: null,
      longitude: null,
      languages: [],
      topics: [],
    })
  })

  it('says in plain words that the city is already a member in that country (409)', async () => {
    fakeApi((request, url) => {
      if (url.pathname === '/api/members' && request.method === 'POST') {
        return json({ type: 'https://learning-cities.example.org/problems/conflict', title: 'Conflict', status: 409, detail: 'Nakuru (KE) is already a member.' }, 409)
      }
    })
    renderForm()
    await screen.findByRole('option', { name: 'Kenya' })
    fireEvent.change(screen.getByTestId('member-add-name'), { target: { value: 'Nakuru' } })
    fireEvent.change(screen.getByLabelText(/^Country/), { target: { value: 'KE' } })
    fireEvent.click(screen.getByTestId('member-add-save'))

    const message = await screen.findByTestId('member-add-duplicate')
    expect(message.textContent).toBe('This city is already a member in that country.Nakuru (KE) is already a member.')
    expect(screen.getByTestId('location').textContent).toBe('/members')
  })
})
