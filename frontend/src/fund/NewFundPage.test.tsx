import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { directoryApi, pick } from '../test/picker'
import { NewFundPage } from './NewFundPage'
import { FUND } from './testData'

vi.setConfig({ testTimeout: 20_000 })

vi.mock('../auth/AuthProvider', () => ({
  useAuth: () => ({ status: 'authenticated', user: { username: 'fund-manager', name: 'Farah Fund-Manager', roles: ['fund-manager'] } }),
  useHasRole: (role: string) => role === 'fund-manager',
}))

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/fund/new']}>
      <Routes>
        <Route path="/fund/new" element={<NewFundPage />} />
        <Route path="/fund/:fundId/record" element={<p data-testid="record-page">record</p>} />
      </Routes>
    </MemoryRouter>,
  )
}

const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } })

beforeEach(async () => {
  await chooseLanguage('en')
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('NewFundPage', () => {
  it('sends the fund with the seven strategy lines prefilled (one edited), then opens its record page', async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/funds' && request.method === 'POST') return json({ ...FUND, id: 9 }, 201)
      return directoryApi(url)
    })
    renderPage()
    expect(screen.getAllByTestId('fund-line')).toHaveLength(7)
    change('fund-code', 'MDFM-2022-2023')
    change('fund-name', 'Multi-donor Funding Modality 2022-2023')
    change('fund-startsOn', '2022-01-01')
    change('fund-endsOn', '2023-12-31')
    await pick('fund-agent', 'unesco', 'UNESCO Institute')
    change('fund-fee', '7.5')
    change('fund-line-planned-6', '90000.00')
    fireEvent.click(screen.getByTestId('fund-create'))

    expect(await screen.findByTestId('record-page')).toBeTruthy()
    const [post] = requestsTo(fetchMock, '/api/funds')
    const body = await post.json()
    expect(body).toMatchObject({
      code: 'MDFM-2022-2023',
      name: 'Multi-donor Funding Modality 2022-2023',
      startsOn: '2022-01-01',
      endsOn: '2023-12-31',
      target: '1000000.00',
      agentOrganisationId: 12,
      agentFeePercent: '7.5',
    })
    expect(body.budgetLines.map((l: { code: string; planned: string }) => `${l.code} ${l.planned}`)).toEqual([
      '1.1 200000.00', '1.2 200000.00', '2.1 80000.00', '2.2 20000.00', '2.3 200000.00', '2.4 200000.00', '3.1 90000.00',
    ])
    expect(body.budgetLines[0].name).toBe('Training modules on the thematic topics')
    expect(body.startFromStrategy).toBeUndefined()
  })

  it('shows the problem and each field error next to its field, and stays on the form', async () => {
    fakeApi((request, url) => {
      if (url.pathname === '/api/funds' && request.method === 'POST') {
        return json({ type: 'https://learning-cities.example.org/problems/validation', title: 'Invalid request', status: 422,
          detail: 'Some fields are invalid.', errors: [{ field: 'budgetLines[1].planned', message: 'must have exactly 2 decimals' },
            { field: 'agentOrganisationId', message: 'must be an existing organisation' }] }, 422)
      }
    })
    renderPage()
    fireEvent.click(screen.getByTestId('fund-create'))
    expect((await screen.findByTestId('error-budgetLines[1].planned')).textContent).toBe('must have exactly 2 decimals')
    expect(screen.getByTestId('error-agentOrganisationId').textContent).toBe('must be an existing organisation')
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Invalid request'))
    expect(screen.queryByTestId('record-page')).toBeNull()
  })
})
