import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { HistoryPanel } from './HistoryPanel'

const UPDATE: Schemas['AuditEvent'] = {
  id: 12,
  entityType: 'member_city',
  entityId: '7',
  action: 'UPDATE',
  at: '2026-11-20T10:15:00Z',
  actor: { subject: 'c0ffee', username: 'edith', name: 'Edith Clarke' },
  changes: [
    { field: 'population', old: 1000, new: 2500 },
    { field: 'topics', old: [1, 2], new: [2, 7] },
    { field: 'website', old: null, new: '<b>https://example.org</b>' },
  ],
}

const CREATE: Schemas['AuditEvent'] = {
  id: 3,
  entityType: 'member_city',
  entityId: '7',
  action: 'CREATE',
  at: '2026-01-02T08:00:00Z',
  actor: { subject: 'system', username: 'system', name: 'system' },
  changes: [{ field: 'name', old: null, new: 'Medellín' }],
}

beforeEach(async () => {
  await chooseLanguage('en')
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('HistoryPanel', () => {
  it('lists who changed what, newest first, with old and new values', async () => {
    const fetchMock = fakeApi((_request, url) => {
      if (url.pathname === '/api/audit/member_city/7') return json({ items: [UPDATE, CREATE], page: 1, size: 10, total: 2 })
    })
    render(<HistoryPanel entityType="member_city" entityId={7} />)

    const events = await screen.findAllByTestId('history-event')
    expect(events).toHaveLength(2)
    expect(within(events[0]).getByTestId('history-actor').textContent).toBe('Edith Clarke (edith)')
    expect(within(events[0]).getByText('Changed')).toBeTruthy()
    const changes = within(events[0]).getAllByTestId('history-change').map((item) => item.textContent)
    expect(changes).toEqual(['population: 1000 → 2500', 'topics: 1, 2 → 2, 7', 'website: (empty) → <b>https://example.org</b>'])
    // Stored text that looks like markup stays text.
    expect(events[0].querySelector('b')).toBeNull()
    expect(within(events[1]).getByTestId('history-actor').textContent).toBe('The platform')
    expect(within(events[1]).getByTestId('history-change').textContent).toBe('name: Medellín')
    expect(new URL(requestsTo(fetchMock, '/api/audit/member_city/7')[0].url).searchParams.get('page')).toBe('1')
  })

  it('pages through a long history', async () => {
    const fetchMock = fakeApi((_request, url) => {
      if (url.pathname !== '/api/audit/member_city/7') return undefined
      const page = Number(url.searchParams.get('page'))
      return json({ items: [page === 1 ? UPDATE : CREATE], page, size: 10, total: 11 })
    })
    render(<HistoryPanel entityType="member_city" entityId={7} />)
    await screen.findByText('Changed')
    fireEvent.click(screen.getByTestId('page-next'))
    await screen.findByText('Created')
    expect(requestsTo(fetchMock, '/api/audit/member_city/7').map((r) => new URL(r.url).searchParams.get('page'))).toEqual(['1', '2'])
  })

  it('says when there is no history, and hides itself from those the API refuses', async () => {
    fakeApi((_request, url) => {
      if (url.pathname === '/api/audit/member_city/7') return json({ items: [], page: 1, size: 10, total: 0 })
      if (url.pathname === '/api/audit/member_city/8') return json({ type: 'about:blank', title: 'Forbidden', status: 403 }, 403)
    })
    render(<HistoryPanel entityType="member_city" entityId={7} />)
    await screen.findByText('No recorded change yet.')
    cleanup()
    const fetchMock = fakeApi((_request, url) => {
      if (url.pathname === '/api/audit/member_city/8') return json({ type: 'about:blank', title: 'Forbidden', status: 403 }, 403)
    })
    const { container } = render(<HistoryPanel entityType="member_city" entityId={8} />)
    await vi.waitFor(() => expect(requestsTo(fetchMock, '/api/audit/member_city/8')).toHaveLength(1))
    await vi.waitFor(() => expect(container.querySelector('[data-testid="history-panel"]')).toBeNull())
  })
})
