import { cleanup, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthState } from '../auth/AuthProvider'
import { Layout } from './Layout'

vi.mock('../auth/AuthProvider', () => ({
  useAuth: (): AuthState => ({ status: 'anonymous' }),
  useHasRole: () => false,
}))

afterEach(cleanup)

describe('the main navigation', () => {
  it('leads to the surveys, right after the clusters', () => {
    render(
      <MemoryRouter>
        <Layout />
      </MemoryRouter>,
    )
    const entries = screen.getAllByRole('link').filter((link) => link.getAttribute('data-testid')?.startsWith('nav-'))
    const surveys = screen.getByTestId('nav-surveys')
    expect(surveys.getAttribute('href')).toBe('/surveys')
    expect(surveys.textContent).toBe('Surveys')
    expect(entries.indexOf(surveys)).toBe(entries.indexOf(screen.getByTestId('nav-clusters')) + 1)
  })
})
