import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import { today } from '../components/format'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { ProgressReports } from './ProgressReports'

const REPORT: Schemas['ProgressReport'] = {
  id: 31,
  receivedOn: '2026-06-30',
  link: 'https://example.org/reports/medellin-2026.pdf',
  note: 'Sent by the mayor’s office.',
  recordedBy: 'secretariat',
  recordedAt: '2026-07-01T09:00:00Z',
}

beforeEach(async () => {
  await chooseLanguage('en')
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('ProgressReports', () => {
  it('offers no form to visitors', async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/members/7/progress-reports') return json({ items: [], page: 1, size: 20, total: 0, nextDue: '2025-12-31', overdue: true })
    })
    render(<ProgressReports memberId={7} language="en" canRecord={false} />)
    await screen.findByTestId('report-overdue')
    expect(screen.queryByTestId('progress-report-add')).toBeNull()
  })

  it('records a report with date, link and note, then shows it with the new due date and no overdue badge', async () => {
    let reports: Schemas['ProgressReport'][] = []
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname !== '/api/members/7/progress-reports') return undefined
      if (request.method === 'POST') {
        reports = [REPORT]
        return json(REPORT, 201)
      }
      return reports.length
        ? json({ items: reports, page: 1, size: 20, total: 1, nextDue: '2028-06-30', overdue: false })
        : json({ items: [], page: 1, size: 20, total: 0, nextDue: '2025-12-31', overdue: true })
    })
    render(<ProgressReports memberId={7} language="en" canRecord />)

    await screen.findByTestId('report-overdue')
    fireEvent.click(screen.getByTestId('progress-report-add'))
    const receivedOn = screen.getByLabelText(/Received on/) as HTMLInputElement
    expect(receivedOn.value).toBe(today())
    fireEvent.change(receivedOn, { target: { value: '2026-06-30' } })
    fireEvent.change(screen.getByLabelText('Link to the report'), { target: { value: ' https://example.org/reports/medellin-2026.pdf ' } })
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'Sent by the mayor’s office.' } })
    fireEvent.click(screen.getByTestId('progress-report-save'))

    await screen.findByTestId('progress-report-recorded')
    const post = requestsTo(fetchMock, '/api/members/7/progress-reports').find((request) => request.method === 'POST')!
    expect(post.headers.get('Content-Type')).toContain('application/json')
    expect(await post.json()).toEqual({
      receivedOn: '2026-06-30',
      link: 'https://example.org/reports/medellin-2026.pdf',
      note: 'Sent by the mayor’s office.',
    })

    // The list, the due date and the badge are asked for again.
    const item = await screen.findByTestId('progress-report')
    expect(item.textContent).toBe('Received on Jun 30, 2026 · Report · Sent by the mayor’s office.')
    expect(within(item).getByRole('link', { name: 'Report' }).getAttribute('href')).toBe(REPORT.link)
    expect(screen.getByTestId('report-next-due').textContent).toBe('Next report due: Jun 30, 2028')
    expect(screen.queryByTestId('report-overdue')).toBeNull()
    expect(screen.queryByTestId('progress-report-form')).toBeNull()
  })

  it('shows the API\'s field error next to the date received', async () => {
    fakeApi((request, url) => {
      if (url.pathname !== '/api/members/7/progress-reports') return undefined
      if (request.method === 'POST') {
        return json(
          {
            type: 'https://learning-cities.example.org/problems/validation',
            title: 'Validation failed',
            status: 422,
            detail: '1 problem in the request.',
            errors: [{ field: 'receivedOn', message: 'must not be in the future' }],
          },
          422,
        )
      }
      return json({ items: [], page: 1, size: 20, total: 0, nextDue: '2027-12-31', overdue: false })
    })
    render(<ProgressReports memberId={7} language="en" canRecord />)

    fireEvent.click(await screen.findByTestId('progress-report-add'))
    fireEvent.change(screen.getByTestId('progress-report-receivedOn'), { target: { value: '2999-01-01' } })
    fireEvent.click(screen.getByTestId('progress-report-save'))

    const message = await screen.findByTestId('error-receivedOn')
    expect(message.textContent).toBe('must not be in the future')
    const field = message.closest('[data-field]') as HTMLElement
    expect(field.getAttribute('data-field')).toBe('receivedOn')
    const input = within(field).getByLabelText(/Received on/)
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')).toBe(message.id)
    // The form stays open with what was typed; the link is not marked.
    expect((input as HTMLInputElement).value).toBe('2999-01-01')
    expect(screen.getByLabelText('Link to the report').getAttribute('aria-invalid')).toBeNull()
    expect(screen.queryByTestId('progress-report-recorded')).toBeNull()
  })
})
