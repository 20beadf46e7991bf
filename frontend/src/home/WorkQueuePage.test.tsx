import { cleanup, render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json } from '../test/fakeApi'
import { WorkQueuePage } from './WorkQueuePage'

vi.mock('../auth/AuthProvider', () => ({
  useAuth: () => ({ status: 'authenticated', user: { username: 'focal-point', name: 'Femi', roles: ['focal-point', 'donor'] } }),
  useHasRole: () => true,
}))

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await chooseLanguage('en')
})

const item = (fields: Record<string, unknown>) => ({ count: null, label: null, date: null, amount: null, percent: null, ...fields })

describe('WorkQueuePage', () => {
  it('lists the items per role, each a link to its screen, figures formatted', async () => {
    fakeApi((_request, url) =>
      url.pathname === '/api/me/work-queue'
        ? json({
            computedAt: '2026-11-25T10:00:00Z',
            items: [
              item({ kind: 'PROFILE_COMPLETENESS', role: 'focal-point', label: 'Cork', percent: '87.50', route: '/members/3' }),
              item({ kind: 'MY_FICHES', role: 'focal-point', count: 0, route: '/case-studies' }),
              item({ kind: 'DONOR_STATEMENT', role: 'donor', label: 'Fund', count: 2, amount: '125000.00', route: '/fund/1/donors/2/statement' }),
            ],
          })
        : undefined,
    )
    render(
      <MemoryRouter>
        <WorkQueuePage />
      </MemoryRouter>,
    )
    const profile = await screen.findByRole('link', { name: 'Cork: the city profile is 87.5% complete' })
    expect(profile.getAttribute('href')).toBe('/members/3')
    expect(screen.getByRole('link', { name: 'Your city has no case-study fiche yet' })).toBeTruthy()
    const donor = within(screen.getByTestId('queue-donor'))
    expect(donor.getByRole('heading').textContent).toBe('Donor')
    expect(donor.getByRole('link').textContent).toBe('Fund: $125,000 received in 2 receipts')
  })

  it('says when nothing needs attention', async () => {
    fakeApi((_request, url) => (url.pathname === '/api/me/work-queue' ? json({ computedAt: '2026-11-25T10:00:00Z', items: [] }) : undefined))
    render(
      <MemoryRouter>
        <WorkQueuePage />
      </MemoryRouter>,
    )
    expect(await screen.findByText('Nothing needs your attention right now.')).toBeTruthy()
  })
})
