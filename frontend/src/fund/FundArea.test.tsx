import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json } from '../test/fakeApi'
import { FundArea } from './FundArea'

const auth = vi.hoisted(() => ({ state: { status: 'anonymous' } as AuthState }))
vi.mock('../auth/AuthProvider', () => ({
  useAuth: () => auth.state,
  useHasRole: (role: string) => auth.state.status === 'authenticated' && auth.state.user.roles.includes(role as never),
}))

function renderFundWithNoFunds() {
  fakeApi((_request, url) => {
    if (url.pathname === '/api/funds') return json({ items: [], page: 1, size: 1, total: 0 })
  })
  render(
    <MemoryRouter initialEntries={['/fund']}>
      <Routes>
        <Route path="fund/*" element={<FundArea />} />
      </Routes>
    </MemoryRouter>,
  )
}

beforeEach(async () => {
  await chooseLanguage('en')
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  auth.state = { status: 'anonymous' }
})

describe('FundArea with no fund yet', () => {
  it('shows the fund manager the way to open the first fund', async () => {
    auth.state = { status: 'authenticated', user: { username: 'fund-manager', name: 'Fay Manager', roles: ['fund-manager'] } } as AuthState
    renderFundWithNoFunds()
    expect((await screen.findByTestId('no-funds')).textContent).toBe('No fund has been set up yet.')
    expect(screen.getByTestId('fund-link-new-fund').getAttribute('href')).toBe('/fund/new')
  })

  it('tells a visitor there is no fund, without a link they could not use', async () => {
    renderFundWithNoFunds()
    await screen.findByTestId('no-funds')
    expect(screen.queryByTestId('fund-link-new-fund')).toBeNull()
  })
})
