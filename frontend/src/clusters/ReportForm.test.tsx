import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo, type Handler } from '../test/fakeApi'
import { ClusterPage } from './ClusterPage'
import { termPeriods } from './ReportForm'
import { authenticated, clusterReads, list, memberSummary, REPORTS, TERM } from './testData'

const auth = vi.hoisted(() => ({ state: { status: 'anonymous' } as AuthState }))
vi.mock('../auth/AuthProvider', () => ({
  useAuth: () => auth.state,
  useHasRole: (role: string) => auth.state.status === 'authenticated' && auth.state.user.roles.includes(role as never),
}))

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  auth.state = { status: 'anonymous' }
  await chooseLanguage('en')
})

function renderPage() {
  return render(
    <MemoryRouter initialEntries={['/clusters/6?term=1']}>
      <Routes>
        <Route path="/clusters/:id" element={<ClusterPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

/** The cluster's reads for Cork's coordinator; `write` answers the report's POST or PUT, after which `reports` are listed. */
function coordinatorReads(write: Handler, after: Schemas['ClusterReport'][] = REPORTS): Handler {
  let written = false
  return async (request, url) => {
    if (request.method === 'POST' || request.method === 'PUT') {
      const answer = await write(request, url)
      if (answer?.ok) written = true
      return answer
    }
    if (url.pathname === '/api/clusters/6/terms/1/reports') return list(written ? after : REPORTS)
    return clusterReads(url, { myCities: [memberSummary(11, 'Cork')] })
  }
}

const NEW_REPORT: Schemas['ClusterReport'] = {
  id: 3, clusterId: 6, termId: 1, year: 2021, half: 1, periodStart: '2021-01-01', periodEnd: '2021-06-30', dueOn: '2021-07-30',
  summary: {}, activityIds: [101],
  news: [{ id: 12, title: { en: 'Osan opens a learning hub' }, text: { en: 'A hub for older learners.' }, date: '2021-05-02', link: null, published: true }],
  submittedAt: '2021-07-01T10:00:00Z', submittedBy: 'cora', version: 1,
}

describe('termPeriods', () => {
  it('lists every half-year overlapping the term', () => {
    expect(termPeriods(TERM)).toEqual([
      { year: 2019, half: 2 },
      { year: 2020, half: 1 },
      { year: 2020, half: 2 },
      { year: 2021, half: 1 },
      { year: 2021, half: 2 },
    ])
  })
})

describe('the six-monthly report form on the cluster page', () => {
  it('is not offered to a visitor', async () => {
    fakeApi((_request, url) => clusterReads(url))
    renderPage()
    await screen.findAllByTestId('cluster-report')
    expect(screen.queryByTestId('report-new')).toBeNull()
    expect(screen.queryByTestId('report-edit')).toBeNull()
  })

  it('submits a report for an unreported half-year with activities done and a news item, then lists it', async () => {
    auth.state = authenticated('coordinator')
    const fetchMock = fakeApi(
      coordinatorReads((_request, url) => (url.pathname === '/api/clusters/6/terms/1/reports' ? json(NEW_REPORT, 201, { ETag: '"1"' }) : undefined), [...REPORTS, NEW_REPORT]),
    )
    renderPage()

    fireEvent.click(await screen.findByTestId('report-new'))
    const form = await screen.findByTestId('report-form')
    // The half-years already reported (2019/2, 2020/1) are not offered.
    const period = within(form).getByTestId('report-period') as HTMLSelectElement
    expect([...period.options].map((option) => option.value)).toEqual(['2020-2', '2021-1', '2021-2'])
    fireEvent.change(period, { target: { value: '2021-1' } })
    const activities = await within(form).findAllByTestId('report-activity')
    fireEvent.click(activities.find((box) => box.getAttribute('data-code') === '1.1')!)
    fireEvent.click(within(form).getByTestId('news-add'))
    const item = within(form).getByTestId('report-news-item')
    fireEvent.change(within(item).getByTestId('news-title-en'), { target: { value: 'Osan opens a learning hub' } })
    fireEvent.change(within(item).getByTestId('news-title-fr'), { target: { value: "Osan ouvre un centre d'apprentissage" } })
    fireEvent.change(within(item).getByTestId('news-text-en'), { target: { value: 'A hub for older learners.' } })
    fireEvent.change(within(item).getByTestId('news-date'), { target: { value: '2021-05-02' } })
    fireEvent.click(within(form).getByTestId('report-save'))

    expect((await screen.findByTestId('report-saved')).textContent).toBe('The report is saved.')
    const post = requestsTo(fetchMock, '/api/clusters/6/terms/1/reports').find((request) => request.method === 'POST')!
    expect(await post.json()).toEqual({
      year: 2021,
      half: 1,
      summary: { en: null, fr: null, es: null },
      activityIds: [101],
      news: [
        {
          title: { en: 'Osan opens a learning hub', fr: "Osan ouvre un centre d'apprentissage", es: null },
          text: { en: 'A hub for older learners.', fr: null, es: null },
          date: '2021-05-02',
          link: null,
          published: true,
        },
      ],
    })
    await waitFor(() => expect(screen.getAllByTestId('cluster-report')).toHaveLength(3))
    expect(screen.getAllByTestId('cluster-news').map((news) => news.querySelector('strong')?.textContent)).toContain('Osan opens a learning hub')
    expect(screen.queryByTestId('report-form')).toBeNull()
  })

  it("shows the API's field errors next to the news item's fields, and keeps what was typed", async () => {
    auth.state = authenticated('coordinator')
    fakeApi(
      coordinatorReads(() =>
        json(
          {
            type: 'https://learning-cities.example.org/problems/validation',
            title: 'Validation failed',
            status: 422,
            errors: [
              { field: 'news[0].title.en', message: 'must not be blank' },
              { field: 'news[0].link', message: 'must be an http or https address' },
            ],
          },
          422,
        ),
      ),
    )
    renderPage()

    fireEvent.click(await screen.findByTestId('report-new'))
    fireEvent.click(await screen.findByTestId('news-add'))
    fireEvent.change(screen.getByTestId('news-link'), { target: { value: 'ftp://example.org' } })
    fireEvent.click(screen.getByTestId('report-save'))

    expect((await screen.findByTestId('error-news[0].title.en')).textContent).toBe('must not be blank')
    expect(screen.getByTestId('error-news[0].link').textContent).toBe('must be an http or https address')
    expect((screen.getByTestId('news-link') as HTMLInputElement).value).toBe('ftp://example.org')
    expect(screen.queryByTestId('report-saved')).toBeNull()
  })

  it('replaces a submitted report with If-Match, its period kept and its news items carried over', async () => {
    auth.state = authenticated('coordinator')
    const fetchMock = fakeApi(
      coordinatorReads((_request, url) => (url.pathname === '/api/clusters/6/terms/1/reports/2' ? json({ ...REPORTS[1], version: 2 }, 200, { ETag: '"2"' }) : undefined)),
    )
    renderPage()

    // Newest first: the first Edit is the report on the first half of 2020.
    fireEvent.click((await screen.findAllByTestId('report-edit'))[0])
    const form = await screen.findByTestId('report-form')
    const period = within(form).getByTestId('report-period') as HTMLSelectElement
    expect(period.disabled).toBe(true)
    expect(period.value).toBe('2020-1')
    expect((within(form).getByTestId('news-title-es') as HTMLInputElement).value).toBe('Cork acoge un seminario web')
    fireEvent.click(within(form).getByTestId('news-published'))
    fireEvent.click(within(form).getByTestId('report-save'))

    await screen.findByTestId('report-saved')
    const put = requestsTo(fetchMock, '/api/clusters/6/terms/1/reports/2')[0]
    expect(put.headers.get('If-Match')).toBe('"1"')
    const body = await put.json()
    expect(body).toMatchObject({ year: 2020, half: 1, summary: { en: 'Webinars on healthy ageing.' }, activityIds: [] })
    expect(body.news).toEqual([
      {
        title: { en: 'Cork hosts a webinar', fr: 'Cork accueille un webinaire', es: 'Cork acoge un seminario web' },
        text: { en: 'Two hundred people joined.', fr: 'Deux cents personnes ont participé.', es: 'Participaron doscientas personas.' },
        date: '2020-05-12',
        link: 'https://example.org/webinar',
        published: false,
      },
    ])
  })
})
