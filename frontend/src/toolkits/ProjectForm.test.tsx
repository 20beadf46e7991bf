import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo, type Handler } from '../test/fakeApi'
import { directoryApi, pick } from '../test/picker'
import { ProjectForm } from './ProjectForm'
import { PROJECT, RESOURCE_SUMMARY } from './testData'

// The first render loads the page's modules; on a busy shared machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 40_000 })

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await chooseLanguage('en')
})

const plain = (node: HTMLElement) => node.textContent?.replace(/[\u00a0\u202f]/g, ' ')

/** The resources the outputs picker offers, then `handler`. */
function projectApi(handler: Handler) {
  return fakeApi((request, url) => {
    if (url.pathname === '/api/resources' && request.method === 'GET') return json({ items: [RESOURCE_SUMMARY], page: 1, size: 200, total: 1 })
    return handler(request, url) ?? directoryApi(url)
  })
}

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } })

/** A project with texts in English and French, as GET /api/projects/{id} gives it for editing. */
const BILINGUAL: Schemas['Project'] = {
  ...PROJECT,
  translations: {
    title: { en: PROJECT.title, fr: 'Villes apprenantes : des villes transfrontalières' },
    summary: { en: PROJECT.summary! },
    priority: { en: 'Priority 3 c.' },
    'objectives[0]': { en: 'Engage the hardest-to-reach groups', fr: 'Impliquer les publics les plus éloignés' },
    'activityStrands[0].name': { en: 'Environment', fr: 'Environnement' },
    'activityStrands[0].description': { en: 'City-wide learning environments' },
  },
  version: 7,
}

describe('ProjectForm', () => {
  it('sums two co-financing lines live and exactly, and shows the remaining own contribution', async () => {
    projectApi(() => undefined)
    render(<ProjectForm onSaved={() => {}} onCancel={() => {}} />)

    type(screen.getByTestId('input-currency'), 'EUR')
    type(screen.getByTestId('input-totalBudget'), '2103036.00')
    expect(plain(screen.getByTestId('live-cofinancing-total'))).toBe('€0.00')
    expect(plain(screen.getByTestId('live-own-contribution'))).toBe('€2,103,036.00')

    fireEvent.click(screen.getByTestId('add-cofinancing'))
    fireEvent.click(screen.getByTestId('add-cofinancing'))
    const [first, second] = screen.getAllByTestId('cofinancing-row')
    type(within(first).getByTestId('input-cofinancing-amount'), '1051518.10')
    type(within(second).getByTestId('input-cofinancing-amount'), '0.20')
    // 1051518.10 + 0.20 in floating point is 1051518.3000000001: the form must not show that.
    expect(plain(screen.getByTestId('live-cofinancing-total'))).toBe('€1,051,518.30')
    expect(plain(screen.getByTestId('live-own-contribution'))).toBe('€1,051,517.70')
    expect(screen.queryByTestId('cofinancing-over')).toBeNull()

    type(screen.getByTestId('input-totalBudget'), '1000000.00')
    expect(plain(screen.getByTestId('live-own-contribution'))).toBe('-€51,518.30')
    expect(screen.getByTestId('cofinancing-over')).toBeTruthy()

    // Removing a line takes it out of the sum.
    fireEvent.click(within(first).getByTestId('cofinancing-remove'))
    expect(plain(screen.getByTestId('live-cofinancing-total'))).toBe('€0.20')
  })

  it('creates a project with every field of the contract, in the chosen language', async () => {
    const fetchMock = projectApi((request, url) => (url.pathname === '/api/projects' && request.method === 'POST' ? json({ ...PROJECT, id: 12 }, 201) : undefined))
    const onSaved = vi.fn()
    render(<ProjectForm onSaved={onSaved} onCancel={() => {}} />)

    type(screen.getByTestId('input-language'), 'fr')
    type(screen.getByTestId('input-acronym'), 'CLAVET')
    type(screen.getByTestId('input-programme'), 'Erasmus+')
    type(screen.getByTestId('input-title'), 'Villes apprenantes et formation professionnelle')
    type(screen.getByTestId('input-summary'), 'Un partenariat stratégique.')
    type(screen.getByTestId('input-priority'), 'Partenariat stratégique')
    type(screen.getByTestId('input-startDate'), '2012-01-01')
    type(screen.getByTestId('input-endDate'), '2014-09-30')
    type(screen.getByTestId('input-currency'), 'eur')
    type(screen.getByTestId('input-totalBudget'), '2103036.00')
    fireEvent.click(screen.getByTestId('add-cofinancing'))
    fireEvent.click(screen.getByTestId('add-cofinancing'))
    const lines = screen.getAllByTestId('cofinancing-row')
    type(within(lines[0]).getByTestId('input-cofinancing-source'), 'ERDF')
    type(within(lines[0]).getByTestId('input-cofinancing-amount'), '1051518.00')
    type(within(lines[1]).getByTestId('input-cofinancing-source'), 'Région')
    type(within(lines[1]).getByTestId('input-cofinancing-amount'), '50000.50')
    fireEvent.click(screen.getByTestId('add-partner'))
    fireEvent.click(screen.getByTestId('add-partner'))
    const partners = screen.getAllByTestId('partner-row')
    type(within(partners[0]).getByTestId('input-partner-name'), 'Ville de Carvin')
    await pick('partner-member', 'tur', 'Turin', partners[0])
    // The name typed stays; the empty country is the city's, until changed.
    expect((within(partners[0]).getByTestId('input-partner-name') as HTMLInputElement).value).toBe('Ville de Carvin')
    expect((within(partners[0]).getByTestId('input-partner-country') as HTMLSelectElement).value).toBe('IT')
    await within(partners[0]).findByRole('option', { name: 'Colombia' })
    type(within(partners[0]).getByTestId('input-partner-country'), 'CO')
    // Without a name, the organisation chosen names the partner and gives its country.
    await pick('partner-organisation', 'lifelong', 'UNESCO Institute', partners[1])
    expect((within(partners[1]).getByTestId('input-partner-name') as HTMLInputElement).value).toBe('UNESCO Institute for Lifelong Learning')
    type(within(partners[1]).getByTestId('input-partner-role'), 'ASSOCIATED_PARTNER')
    // Moving the second partner up puts it first.
    fireEvent.click(within(partners[1]).getByTestId('partner-up'))
    fireEvent.click(screen.getByTestId('add-objective'))
    type(screen.getByTestId('input-objective'), 'Impliquer les publics éloignés ')
    fireEvent.click(screen.getByTestId('add-strand'))
    type(screen.getByTestId('input-strand-name'), 'Environnement')
    type(screen.getByTestId('input-results'), 'Onze centres.')
    type(screen.getByTestId('input-lessonsLearned'), 'Le partenariat est essentiel.')
    await screen.findByRole('option', { name: RESOURCE_SUMMARY.title })
    type(screen.getByTestId('outputs-choice'), '31')
    fireEvent.click(screen.getByTestId('outputs-add'))
    type(screen.getByTestId('input-contact-name'), 'Anne Martin')
    type(screen.getByTestId('input-contact-email'), 'anne@example.org')
    type(screen.getByTestId('input-website'), 'https://clavet.example.org')
    fireEvent.click(await screen.findByLabelText('Digital learning'))
    fireEvent.click(screen.getByTestId('project-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 12 })))
    const body = await requestsTo(fetchMock, '/api/projects').find((request) => request.method === 'POST')!.json()
    expect(body).toEqual({
      externalId: null,
      acronym: 'CLAVET',
      originalLanguage: 'fr',
      title: { fr: 'Villes apprenantes et formation professionnelle' },
      summary: { fr: 'Un partenariat stratégique.' },
      programme: 'Erasmus+',
      priority: { fr: 'Partenariat stratégique' },
      startDate: '2012-01-01',
      endDate: '2014-09-30',
      currency: 'EUR',
      totalBudget: '2103036.00',
      coFinancing: [
        { source: 'ERDF', amount: '1051518.00' },
        { source: 'Région', amount: '50000.50' },
      ],
      partners: [
        { name: 'UNESCO Institute for Lifelong Learning', role: 'ASSOCIATED_PARTNER', country: 'DE', memberId: null, organisationId: 12 },
        { name: 'Ville de Carvin', role: 'LEAD_PARTNER', country: 'CO', memberId: 40, organisationId: null },
      ],
      objectives: [{ fr: 'Impliquer les publics éloignés' }],
      activityStrands: [{ name: { fr: 'Environnement' }, description: {} }],
      results: { fr: 'Onze centres.' },
      outputResourceIds: [31],
      lessonsLearned: { fr: 'Le partenariat est essentiel.' },
      contact: { name: 'Anne Martin', email: 'anne@example.org', phone: null },
      website: 'https://clavet.example.org',
      topics: [10],
    })
  })

  it('edits with If-Match: the French texts change, the English ones travel back unchanged', async () => {
    const fetchMock = projectApi((request, url) => (url.pathname === '/api/projects/3' && request.method === 'PUT' ? json(BILINGUAL, 200, { ETag: '"8"' }) : undefined))
    const onSaved = vi.fn()
    render(<ProjectForm project={BILINGUAL} etag={'"7"'} onSaved={onSaved} onCancel={() => {}} />)

    expect((screen.getByTestId('input-title') as HTMLInputElement).value).toBe(PROJECT.title)
    type(screen.getByTestId('input-language'), 'fr')
    expect((screen.getByTestId('input-title') as HTMLInputElement).value).toBe('Villes apprenantes : des villes transfrontalières')
    expect((screen.getByTestId('input-objective') as HTMLTextAreaElement).value).toBe('Impliquer les publics les plus éloignés')
    type(screen.getByTestId('input-strand-description'), 'Des environnements d’apprentissage')
    type(screen.getByTestId('input-summary'), 'Améliorer la qualité de vie.')
    expect(screen.getAllByTestId('cofinancing-row')).toHaveLength(1)
    fireEvent.click(screen.getByTestId('project-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const request = requestsTo(fetchMock, '/api/projects/3')[0]
    expect(request.method).toBe('PUT')
    expect(request.headers.get('If-Match')).toBe('"7"')
    const body = await request.json()
    expect(body.title).toEqual(BILINGUAL.translations.title)
    expect(body.summary).toEqual({ en: PROJECT.summary, fr: 'Améliorer la qualité de vie.' })
    expect(body.activityStrands).toEqual([{ name: { en: 'Environment', fr: 'Environnement' }, description: { en: 'City-wide learning environments', fr: 'Des environnements d’apprentissage' } }])
    expect(body).toMatchObject({
      externalId: 'DEMO-PRJ-LEARNING-CITIES',
      acronym: 'Learning Cities',
      originalLanguage: 'en',
      currency: 'EUR',
      totalBudget: '2103036.00',
      coFinancing: [{ source: 'ERDF', amount: '1051518.00' }],
      partners: [
        { name: "Centre Communal d'Action Sociale de Carvin", role: 'LEAD_PARTNER', country: 'FR', memberId: null, organisationId: null },
        { name: 'Stad Turnhout', role: 'PARTNER', country: 'BE', memberId: null, organisationId: null },
      ],
      outputResourceIds: [31],
      topics: [10],
    })
  })

  it('shows the city and organisation each partner is by name, and keeps them unless changed', async () => {
    const linked: Schemas['Project'] = {
      ...BILINGUAL,
      partners: [
        { name: 'Città di Torino', role: 'LEAD_PARTNER', country: 'IT', memberId: 40, organisationId: null },
        { name: 'UIL', role: 'PARTNER', country: 'DE', memberId: null, organisationId: 12 },
      ],
    }
    const fetchMock = projectApi((request, url) => (url.pathname === '/api/projects/3' && request.method === 'PUT' ? json(linked, 200, { ETag: '"8"' }) : undefined))
    const onSaved = vi.fn()
    render(<ProjectForm project={linked} etag={'"7"'} onSaved={onSaved} onCancel={() => {}} />)
    const rows = screen.getAllByTestId('partner-row')
    const box = (row: HTMLElement, testId: string) => within(row).getByTestId(`${testId}-input`) as HTMLInputElement
    await waitFor(() => expect(box(rows[0], 'partner-member').value).toBe('Turin (Italy)'))
    await waitFor(() => expect(box(rows[1], 'partner-organisation').value).toBe('UNESCO Institute for Lifelong Learning (Germany)'))
    expect(box(rows[0], 'partner-organisation').value).toBe('')
    expect(requestsTo(fetchMock, '/api/members/40')).toHaveLength(1)

    // The second partner becomes a city instead of an organisation.
    fireEvent.change(box(rows[1], 'partner-organisation'), { target: { value: '' } })
    await pick('partner-member', 'med', 'Medellín', rows[1])
    fireEvent.click(screen.getByTestId('project-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const body = await requestsTo(fetchMock, '/api/projects/3')[0].json()
    expect(body.partners).toEqual([
      { name: 'Città di Torino', role: 'LEAD_PARTNER', country: 'IT', memberId: 40, organisationId: null },
      { name: 'UIL', role: 'PARTNER', country: 'DE', memberId: 7, organisationId: null },
    ])
  })

  it("shows the API's refusal, each field error next to its field", async () => {
    projectApi((request, url) =>
      url.pathname === '/api/projects' && request.method === 'POST'
        ? json(
            {
              type: 'https://learning-cities.example.org/problems/validation',
              title: 'Validation failed',
              status: 422,
              errors: [
                { field: 'coFinancing[1].amount', message: 'has more decimals than EUR has' },
                { field: 'partners[0].memberId', message: 'Tunis has left the network' },
              ],
            },
            422,
          )
        : undefined,
    )
    render(<ProjectForm onSaved={() => {}} onCancel={() => {}} />)
    fireEvent.click(screen.getByTestId('add-cofinancing'))
    fireEvent.click(screen.getByTestId('add-cofinancing'))
    fireEvent.click(screen.getByTestId('add-partner'))
    type(screen.getByTestId('input-partner-name'), 'Ville inconnue')
    await pick('partner-member', 'tunis', 'Tunis')
    type(screen.getAllByTestId('input-cofinancing-amount')[1], '1.005')
    fireEvent.click(screen.getByTestId('project-save'))

    expect((await screen.findByTestId('error-coFinancing.1.amount')).textContent).toBe('has more decimals than EUR has')
    expect(within(screen.getAllByTestId('cofinancing-row')[1]).getByTestId('input-cofinancing-amount').getAttribute('aria-invalid')).toBe('true')
    expect(within(screen.getAllByTestId('partner-row')[0]).getByTestId('error-partners.0.memberId').textContent).toBe('Tunis has left the network')
    expect(screen.getByTestId('problem').textContent).toContain('Validation failed')
  })
})
