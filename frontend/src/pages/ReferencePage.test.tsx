import { act, cleanup, render, screen } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import i18n, { chooseLanguage } from '../i18n'
import { ReferencePage } from './ReferencePage'

// A small stand-in for the API: texts per language, as the real one answers for `lang`.
const TOPIC_1 = { en: 'Education for Sustainable Development (ESD)', fr: 'Éducation au développement durable (EDD)', es: 'Educación para el Desarrollo Sostenible (EDS)' }
const AFRICA = { en: 'Africa', fr: 'Afrique', es: 'África' }
const SENEGAL = { en: 'Senegal', fr: 'Sénégal', es: 'Senegal' }
type Lang = keyof typeof TOPIC_1

function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } })
}

function fakeApi(request: Request): Response {
  const url = new URL(request.url)
  const lang = (url.searchParams.get('lang') ?? 'en') as Lang
  switch (url.pathname) {
    case '/api/reference/topic-groups':
      return json({
        items: [{ number: 1, name: `Group 1 (${lang})`, topics: [{ number: 1, code: 'ESD', name: TOPIC_1[lang], groupNumber: 1 }] }],
        page: 1,
        size: 4,
        total: 1,
      })
    case '/api/reference/regions':
      return json({ items: [{ code: 'AFRICA', name: AFRICA[lang], countryCount: 1 }], page: 1, size: 5, total: 1 })
    case '/api/reference/countries': {
      const senegal = {
        iso2: 'SN',
        iso3: 'SEN',
        numericCode: 686,
        name: SENEGAL[lang],
        names: { en: 'Senegal', fr: 'Sénégal', es: 'Senegal' },
        unescoRegion: { code: 'AFRICA', name: AFRICA[lang] },
        currencies: ['XOF'],
        version: 1,
      }
      return json({ items: url.searchParams.get('region') === 'AFRICA' ? [senegal] : [], page: 1, size: 200, total: 1 })
    }
  }
  return json({ type: 'about:blank', title: 'Not found', status: 404 }, 404, 'application/problem+json')
}

function renderPage() {
  return render(
    <I18nextProvider i18n={i18n}>
      <ReferencePage />
    </I18nextProvider>,
  )
}

describe('ReferencePage', () => {
  let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>

  beforeEach(async () => {
    fetchMock = vi.fn(async (request: Request) => fakeApi(request))
    vi.stubGlobal('fetch', fetchMock)
    await chooseLanguage('fr')
  })

  afterEach(async () => {
    cleanup()
    vi.unstubAllGlobals()
    await chooseLanguage('en')
  })

  it('lists topics by group and countries by region in the chosen language', async () => {
    renderPage()

    expect(screen.getAllByRole('status')[0]).toHaveProperty('textContent', 'Chargement…')
    expect(await screen.findByText('Éducation au développement durable (EDD)')).toBeTruthy()
    expect(await screen.findByText('Sénégal')).toBeTruthy()
    expect(screen.getByRole('heading', { level: 3, name: 'Afrique' })).toBeTruthy()

    const urls = fetchMock.mock.calls.map(([request]) => new URL(request.url))
    const countries = urls.find((url) => url.pathname === '/api/reference/countries')!
    expect(Object.fromEntries(countries.searchParams)).toEqual({ region: 'AFRICA', size: '200', sort: 'name', lang: 'fr' })
  })

  it('fetches again when the language changes', async () => {
    renderPage()
    await screen.findByText('Éducation au développement durable (EDD)')

    await act(() => chooseLanguage('es'))

    expect(await screen.findByText('Educación para el Desarrollo Sostenible (EDS)')).toBeTruthy()
    expect(await screen.findByRole('heading', { level: 3, name: 'África' })).toBeTruthy()
    expect(screen.queryByText('Éducation au développement durable (EDD)')).toBeNull()
  })

  it('shows a problem+json answer as a readable message', async () => {
    fetchMock.mockImplementation(async () =>
      json(
        { type: 'about:blank', title: 'Erreur interne', status: 500, detail: 'La base de données ne répond pas.' },
        500,
        'application/problem+json',
      ),
    )
    renderPage()

    const alerts = await screen.findAllByRole('alert')
    expect(alerts).toHaveLength(2) // one per section
    expect(alerts[0].textContent).toContain('Erreur interne')
    expect(alerts[0].textContent).toContain('La base de données ne répond pas.')
  })

  it('says so when there is nothing to show', async () => {
    fetchMock.mockImplementation(async () => json({ items: [], page: 1, size: 20, total: 0 }))
    renderPage()

    expect(await screen.findByText('Aucun thème trouvé.')).toBeTruthy()
    expect(await screen.findByText('Aucune région trouvée.')).toBeTruthy()
  })
})
