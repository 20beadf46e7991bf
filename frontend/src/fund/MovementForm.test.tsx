import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { MovementForm } from './MovementForm'
import { DONOR, FUND, STATEMENT, movement, preview } from './testData'

const PLEDGE_LEGS = [
  { account: 'PLEDGED:3', side: 'DEBIT' as const, amountUsd: '271250.00', amount: '250000.00', currency: 'EUR' },
  { account: 'PLEDGE_COMMITMENTS', side: 'CREDIT' as const, amountUsd: '271250.00', amount: '250000.00', currency: 'EUR' },
]

beforeEach(async () => {
  await chooseLanguage('en')
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

function renderForm(kind: 'PLEDGE' | 'RECEIPT' | 'INTEREST' = 'PLEDGE') {
  const onPosted = vi.fn()
  render(<MovementForm fundId={5} fund={FUND} kind={kind} onPosted={onPosted} onCancel={() => {}} />)
  return { onPosted }
}

const change = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } })

async function fillPledge() {
  change('field-donorId', '3')
  expect((await screen.findByTestId('donor-name')).textContent).toBe('Example Ministry of Education (Donor country (government))')
  change('field-amount', '250000.00')
  change('field-currency', 'eur')
  change('field-exchangeRate', '1.0850')
  change('field-date', '2019-03-01')
  change('field-expectedPaymentDates', '2019-06-30, 2020-06-30')
}

const isDryRun = (url: URL) => url.searchParams.get('dryRun') === 'true'

/** The real POSTs to a path (not the dry runs that show the entry). */
const posts = (fetchMock: ReturnType<typeof fakeApi>, path: string) =>
  requestsTo(fetchMock, path).filter((request) => !isDryRun(new URL(request.url)))

function statementApi(url: URL) {
  if (url.pathname === '/api/funds/5/donors/3/statement') return json(STATEMENT)
  return undefined
}

describe('MovementForm', () => {
  it('shows the entry a pledge in EUR will post, and posts it once with an Idempotency-Key however often Confirm is clicked', async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/funds/5/pledges' && request.method === 'POST') {
        return isDryRun(url) ? json(preview('PLEDGE', PLEDGE_LEGS)) : json(movement('PLEDGE', PLEDGE_LEGS), 201)
      }
      return statementApi(url)
    })
    const { onPosted } = renderForm()
    await fillPledge()
    fireEvent.click(screen.getByTestId('movement-review'))

    const confirmStep = await screen.findByTestId('confirm-step')
    const rows = within(confirmStep)
      .getAllByTestId('preview-leg')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))
    expect(rows).toEqual([
      ['Pledged by the donor (memo) PLEDGED:3', '$271,250.00', '', '€250,000.00'],
      ['Pledge commitments (memo) PLEDGE_COMMITMENTS', '', '$271,250.00', '€250,000.00'],
    ])
    expect(within(confirmStep).getByTestId('preview-totals').textContent).toBe('Debits $271,250.00 = credits $271,250.00.')
    // The entry shown is the server's dry run of the same body, without a key; nothing is posted before confirming.
    const dryRuns = requestsTo(fetchMock, '/api/funds/5/pledges')
    expect(dryRuns).toHaveLength(1)
    expect(new URL(dryRuns[0].url).searchParams.get('dryRun')).toBe('true')
    expect(dryRuns[0].headers.get('Idempotency-Key')).toBeNull()
    expect((await dryRuns[0].json()).amount).toBe('250000.00')
    expect(posts(fetchMock, '/api/funds/5/pledges')).toHaveLength(0)

    const confirm = screen.getByTestId('movement-confirm')
    fireEvent.click(confirm)
    fireEvent.click(confirm)
    await waitFor(() => expect(onPosted).toHaveBeenCalledTimes(1))

    const posted = posts(fetchMock, '/api/funds/5/pledges')
    expect(posted).toHaveLength(1)
    expect(posted[0].headers.get('Idempotency-Key')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(await posted[0].json()).toEqual({
      donorId: 3,
      amount: '250000.00',
      currency: 'EUR',
      exchangeRate: '1.0850',
      date: '2019-03-01',
      earmark: null,
      expectedPaymentDates: ['2019-06-30', '2020-06-30'],
      description: null,
    })
    expect(onPosted.mock.calls[0][0].entry.id).toBe(88)
  })

  it('sends the same key again after a lost answer, and a new one for a corrected movement', async () => {
    let answer: 'network' | 'invalid' | 'ok' = 'network'
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/funds/5/pledges' && request.method === 'POST') {
        if (isDryRun(url)) return json(preview('PLEDGE', PLEDGE_LEGS))
        if (answer === 'network') throw new TypeError('Failed to fetch')
        if (answer === 'invalid') {
          return json(
            {
              type: 'https://learning-cities.example.org/problems/validation',
              title: 'Validation failed',
              status: 422,
              errors: [{ field: 'amount', message: 'must have exactly 2 decimal places for EUR' }],
            },
            422,
          )
        }
        return json(movement('PLEDGE', PLEDGE_LEGS), 201)
      }
      return statementApi(url)
    })
    const { onPosted } = renderForm()
    await fillPledge()
    fireEvent.click(screen.getByTestId('movement-review'))
    fireEvent.click(await screen.findByTestId('movement-confirm'))

    // The answer was lost: the step stays, and Confirm sends the very same request and key.
    expect((await screen.findByTestId('problem')).textContent).toContain('could not be reached')
    answer = 'invalid'
    fireEvent.click(screen.getByTestId('movement-confirm'))
    // Refused: back to the form, with the message next to the field.
    expect((await screen.findByTestId('error-amount')).textContent).toBe('must have exactly 2 decimal places for EUR')
    expect(screen.queryByTestId('confirm-step')).toBeNull()
    expect(screen.getByTestId('field-amount').getAttribute('aria-invalid')).toBe('true')
    expect((screen.getByTestId('field-amount') as HTMLInputElement).disabled).toBe(false)

    answer = 'ok'
    fireEvent.click(screen.getByTestId('movement-review'))
    fireEvent.click(await screen.findByTestId('movement-confirm'))
    await waitFor(() => expect(onPosted).toHaveBeenCalled())
    const keys = posts(fetchMock, '/api/funds/5/pledges').map((request) => request.headers.get('Idempotency-Key'))
    expect(keys).toHaveLength(3)
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).not.toBe(keys[0])
  })

  it('shows a refusal of the dry run (409 insufficient funds) as the server worded it, before anything is posted', async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/funds/5/bank-charges' && request.method === 'POST') {
        return json(
          { type: 'https://learning-cities.example.org/problems/insufficient-funds', title: 'Not enough money available', status: 409, detail: 'Only 10.00 USD is available in pool NONE.' },
          409,
        )
      }
    })
    render(<MovementForm fundId={5} fund={FUND} kind="BANK_CHARGE" onPosted={vi.fn()} onCancel={() => {}} />)
    change('field-amount', '312.45')
    fireEvent.click(screen.getByTestId('movement-review'))
    expect((await screen.findByTestId('problem')).textContent).toBe('Not enough money available Only 10.00 USD is available in pool NONE.')
    expect(screen.queryByTestId('confirm-step')).toBeNull()
    expect((screen.getByTestId('field-amount') as HTMLInputElement).disabled).toBe(false)
    expect(requestsTo(fetchMock, '/api/funds/5/bank-charges')).toHaveLength(1)
    expect(posts(fetchMock, '/api/funds/5/bank-charges')).toHaveLength(0)
  })

  it('shows the accounts the server answers for interest', async () => {
    fakeApi((request, url) => {
      if (url.pathname === '/api/funds/5/interest' && isDryRun(url)) {
        return json(preview('INTEREST', [
          { account: 'CASH', side: 'DEBIT', amountUsd: '312.45', amount: null, currency: null },
          { account: 'INTEREST', side: 'CREDIT', amountUsd: '312.45', amount: null, currency: null },
        ]))
      }
      return request.method === 'POST' ? json({ title: 'Unexpected', status: 500 }, 500) : undefined
    })
    renderForm('INTEREST')
    change('field-amount', '312.45')
    fireEvent.click(screen.getByTestId('movement-review'))
    const rows = within(await screen.findByTestId('entry-preview')).getAllByTestId('preview-leg')
    expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(['Cash held in trust CASH', 'Interest earned INTEREST'])
    expect(screen.getByTestId('preview-totals').textContent).toBe('Debits $312.45 = credits $312.45.')
  })

  it('a receipt against a pledge takes the pledge’s currency and earmark', async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/funds/5/receipts' && request.method === 'POST') {
        const legs = [
          { account: 'CASH', side: 'DEBIT' as const, amountUsd: '135625.00', amount: '125000.00', currency: 'EUR' },
          { account: 'UNALLOCATED:REGION:AFRICA', side: 'CREDIT' as const, amountUsd: '135625.00', amount: '125000.00', currency: 'EUR' },
        ]
        return isDryRun(url) ? json(preview('RECEIPT', legs)) : json(movement('RECEIPT', legs), 201)
      }
      return statementApi(url)
    })
    renderForm('RECEIPT')
    change('field-donorId', String(DONOR.id))
    await screen.findByTestId('donor-name')
    await screen.findByRole('option', { name: 'Pledge 41: €250,000.00, outstanding €125,000.00' })
    change('field-pledgeId', '41')
    expect((screen.getByTestId('field-currency') as HTMLInputElement).value).toBe('EUR')
    expect(screen.getByTestId('pledge-earmark').textContent).toBe('Earmark of the pledge: Region.')
    expect(screen.queryByTestId('earmark-kind')).toBeNull()
    change('field-amount', '125000.00')
    change('field-exchangeRate', '1.0850')
    change('field-date', '2019-06-28')
    change('field-bankReference', 'DEUTDEFF-0628')
    fireEvent.click(screen.getByTestId('movement-review'))

    const accounts = (await screen.findAllByTestId('preview-leg')).map((row) => row.getAttribute('data-account'))
    expect(accounts).toEqual(['CASH', 'UNALLOCATED:REGION:AFRICA'])
    fireEvent.click(screen.getByTestId('movement-confirm'))
    await waitFor(() => expect(posts(fetchMock, '/api/funds/5/receipts')).toHaveLength(1))
    expect(await posts(fetchMock, '/api/funds/5/receipts')[0].json()).toEqual({
      donorId: 3,
      pledgeId: 41,
      amount: '125000.00',
      currency: 'EUR',
      exchangeRate: '1.0850',
      valueDate: '2019-06-28',
      bankReference: 'DEUTDEFF-0628',
      earmark: null,
      description: null,
    })
  })
})

describe('MovementForm for an allocation', () => {
  it('sends the budget line, the pool it draws on and the beneficiaries', async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/funds/5/allocations' && request.method === 'POST') {
        const legs = [
          { account: 'UNALLOCATED:REGION:AFRICA', side: 'DEBIT' as const, amountUsd: '50000.00', amount: null, currency: null },
          { account: 'ALLOCATED:new', side: 'CREDIT' as const, amountUsd: '50000.00', amount: null, currency: null },
        ]
        return isDryRun(url) ? json(preview('ALLOCATION', legs)) : json(movement('ALLOCATION', legs), 201)
      }
    })
    const onPosted = vi.fn()
    render(<MovementForm fundId={5} fund={FUND} kind="ALLOCATION" onPosted={onPosted} onCancel={() => {}} />)
    await screen.findByRole('option', { name: 'Africa' }, { timeout: 5000 })
    change('field-budgetLineId', '12')
    change('field-amount', '50000.00')
    change('field-date', '2019-09-01')
    change('source-kind', 'REGION')
    change('source-region', 'AFRICA')
    change('field-beneficiaryRegion', 'AFRICA')
    change('field-beneficiaryIncomeGroup', 'HIGH')
    fireEvent.click(screen.getByTestId('movement-review'))
    expect((await screen.findAllByTestId('preview-leg')).map((row) => row.getAttribute('data-account'))).toEqual(['UNALLOCATED:REGION:AFRICA', 'ALLOCATED:new'])
    fireEvent.click(screen.getByTestId('movement-confirm'))
    await waitFor(() => expect(onPosted).toHaveBeenCalled())
    expect(await posts(fetchMock, '/api/funds/5/allocations')[0].json()).toEqual({
      budgetLineId: 12,
      amount: '50000.00',
      valueDate: '2019-09-01',
      source: { kind: 'REGION', region: 'AFRICA' },
      beneficiaryRegion: 'AFRICA',
      beneficiaryIncomeGroup: 'HIGH',
      description: null,
    })
  })
})
