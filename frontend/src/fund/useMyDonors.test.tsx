import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { DONOR } from './testData'
import { useMyDonors } from './useMyDonors'

vi.mock('../auth/AuthProvider', () => ({
  useAuth: () => ({ status: 'authenticated', user: { username: 'donor', roles: ['donor'] } }),
}))

function Probe() {
  const donors = useMyDonors()
  return <output data-testid="donors">{donors.map((donor) => donor.name).join(',') || 'none'}</output>
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('useMyDonors', () => {
  it('gives the donors GET /api/me/donors names', async () => {
    fakeApi((_request, url) => (url.pathname === '/api/me/donors' ? json({ items: [DONOR] }) : undefined))
    render(<Probe />)
    await waitFor(() => expect(screen.getByTestId('donors').textContent).toBe(DONOR.name))
  })

  it('gives none while the API has no such list (404)', async () => {
    const fetchMock = fakeApi(() => undefined)
    render(<Probe />)
    await waitFor(() => expect(requestsTo(fetchMock, '/api/me/donors')).toHaveLength(1))
    expect(screen.getByTestId('donors').textContent).toBe('none')
  })
})
