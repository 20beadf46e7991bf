import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { MemberForm } from './MemberForm'
import { MemberPage } from './MemberPage'

const MEMBER: Schemas['Member'] = {
  id: 7,
  name: 'Medellín',
  country: { iso2: 'CO', name: 'Colombie' },
  yearJoined: 2015,
  status: 'MEMBER',
  latitude: 6.24,
  longitude: -75.58,
  languages: ['es'],
  mayor: { name: 'Federico Gutiérrez', title: 'Alcalde' },
  topics: [1],
  profile: {
    en: { visionAndMotivation: 'A city that learns.', challengesAndGoals: null, planAndImplementation: null },
    de: { visionAndMotivation: 'Eine lernende Stadt.' },
  },
  localizedProfile: { language: 'en', fallback: true, visionAndMotivation: 'A city that learns.' },
  nextProgressReportDue: '2027-12-31',
  progressReportOverdue: false,
  version: 3,
}

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await chooseLanguage('en')
})

describe('MemberPage', () => {
  function renderPage() {
    return render(
      <MemoryRouter initialEntries={['/members/7']}>
        <Routes>
          <Route path="/members/:id" element={<MemberPage />} />
        </Routes>
      </MemoryRouter>,
    )
  }

  function memberApi(member: Schemas['Member']) {
    return fakeApi((_request, url) => {
      switch (url.pathname) {
        case '/api/members/7':
          return json(member, 200, { ETag: '"3"' })
        case '/api/members/7/status-changes':
          return json({ items: [], page: 1, size: 20, total: 0 })
        case '/api/members/7/progress-reports':
          return json({ items: [], page: 1, size: 20, total: 0, nextDue: '2027-12-31', overdue: true })
      }
    })
  }

  it('says so when the profile is shown in another language than the chosen one', async () => {
    await chooseLanguage('fr')
    const fetchMock = memberApi(MEMBER)
    renderPage()

    expect((await screen.findByTestId('profile-fallback')).textContent).toBe('Affiché en anglais : pas encore de texte en français.')
    expect(screen.getByTestId('profile-visionAndMotivation').textContent).toBe('A city that learns.')
    expect(screen.getByTestId('profile-visionAndMotivation').closest('[lang]')?.getAttribute('lang')).toBe('en')
    expect(new URL(requestsTo(fetchMock, '/api/members/7')[0].url).searchParams.get('lang')).toBe('fr')
    expect(await screen.findByTestId('report-overdue')).toBeTruthy()
    // Visitors get neither an Edit button nor the focal points.
    expect(screen.queryByTestId('member-edit')).toBeNull()
    expect(screen.queryByTestId('focal-points')).toBeNull()
  })

  it('shows no note when the profile is in the chosen language', async () => {
    memberApi({ ...MEMBER, localizedProfile: { language: 'en', fallback: false, visionAndMotivation: 'A city that learns.' } })
    renderPage()

    await screen.findByTestId('profile-visionAndMotivation')
    expect(screen.queryByTestId('profile-fallback')).toBeNull()
  })
})

describe('MemberForm', () => {
  function renderForm(mode: 'record' | 'profile' = 'profile') {
    const onSaved = vi.fn()
    const onReload = vi.fn()
    render(<MemberForm member={MEMBER} etag={'"3"'} mode={mode} onSaved={onSaved} onCancel={() => {}} onReload={onReload} />)
    return { onSaved, onReload }
  }

  it('sends the profile with If-Match and keeps narrative languages it does not show', async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/members/7/profile' && request.method === 'PUT') return json(MEMBER, 200, { ETag: '"4"' })
    })
    const { onSaved } = renderForm()

    fireEvent.click(screen.getByTestId('profile-tab-fr'))
    fireEvent.change(screen.getByTestId('input-profile-fr-visionAndMotivation'), { target: { value: 'Une ville qui apprend.' } })
    fireEvent.click(screen.getByTestId('member-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const request = requestsTo(fetchMock, '/api/members/7/profile')[0]
    expect(request.headers.get('If-Match')).toBe('"3"')
    const body = await request.json()
    expect(body.profile).toEqual({
      de: { visionAndMotivation: 'Eine lernende Stadt.' },
      en: { visionAndMotivation: 'A city that learns.', challengesAndGoals: null, planAndImplementation: null },
      fr: { visionAndMotivation: 'Une ville qui apprend.', challengesAndGoals: null, planAndImplementation: null },
    })
    expect(body).toMatchObject({ latitude: 6.24, languages: ['es'], mayor: { name: 'Federico Gutiérrez', title: 'Alcalde' }, topics: [1] })
    expect(body).not.toHaveProperty('name') // name, country and year joined are not the focal point's to change
  })

  it('shows each field error of a problem+json answer next to its field', async () => {
    fakeApi(() =>
      json(
        {
          type: 'https://learning-cities.example.org/problems/validation',
          title: 'Validation failed',
          status: 422,
          detail: '3 problems in the request.',
          errors: [
            { field: 'latitude', message: 'must be at most 90' },
            { field: 'mayor.name', message: 'must not be blank' },
            { field: 'profile.es.visionAndMotivation', message: 'is too long' },
          ],
        },
        422,
      ),
    )
    renderForm()
    fireEvent.click(screen.getByTestId('member-save'))

    const latitude = await screen.findByTestId('error-latitude')
    expect(latitude.textContent).toBe('must be at most 90')
    const latitudeField = latitude.closest('[data-field]')!
    expect(latitudeField.getAttribute('data-field')).toBe('latitude')
    const latitudeInput = within(latitudeField as HTMLElement).getByLabelText('Latitude')
    expect(latitudeInput.getAttribute('aria-invalid')).toBe('true')
    expect(latitudeInput.getAttribute('aria-describedby')).toBe(latitude.id)

    expect(screen.getByTestId('error-mayor.name').closest('[data-field]')?.getAttribute('data-field')).toBe('mayor.name')
    // The narrative error is in the ES tab, which is brought forward and marked.
    const spanishText = screen.getByTestId('error-profile.es.visionAndMotivation')
    await waitFor(() => expect(spanishText.closest('[role="tabpanel"]')?.hasAttribute('hidden')).toBe(false))
    expect(screen.getByTestId('profile-tab-es').textContent).toContain('(to correct)')
    expect(screen.getByTestId('profile-tab-es').getAttribute('aria-selected')).toBe('true')
    // Fields without a problem stay unmarked.
    expect(screen.getByLabelText('Longitude').getAttribute('aria-invalid')).toBeNull()
  })

  it('explains a stale version (412) and offers to reload', async () => {
    fakeApi(() => json({ type: 'https://learning-cities.example.org/problems/stale-version', title: 'Precondition failed', status: 412 }, 412))
    const { onReload } = renderForm('record')
    fireEvent.click(screen.getByTestId('member-save'))

    const message = await screen.findByTestId('stale-version')
    expect(message.textContent).toContain('Someone else changed this record')
    fireEvent.click(within(message).getByRole('button', { name: 'Reload' }))
    expect(onReload).toHaveBeenCalled()
  })
})
