import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { directoryApi, pick } from '../test/picker'
import { CaseStudyForm } from './CaseStudyForm'
import { FICHE } from './testData'

// The first render loads the page's modules; on a busy shared machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 20_000 })

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await chooseLanguage('en')
})

const CITIES = [
  { id: 40, name: 'Liège', country: { iso2: 'BE', name: 'Belgium' }, yearJoined: 2015, status: 'MEMBER', topics: [] },
  { id: 41, name: 'Namur', country: { iso2: 'BE', name: 'Belgium' }, yearJoined: 2016, status: 'MEMBER', topics: [] },
] as Schemas['MemberSummary'][]

function categoriesApi(handler: (request: Request, url: URL) => Response | Promise<Response> | undefined) {
  return fakeApi((request, url) => {
    if (url.pathname === '/api/case-study-categories') return json({ items: FICHE.categories, page: 1, size: 2, total: 2 })
    return handler(request, url) ?? directoryApi(url)
  })
}

describe('CaseStudyForm', () => {
  it('lets the secretariat (who has no city of its own) find the fiche\'s city by name', async () => {
    const fetchMock = categoriesApi((request, url) => (url.pathname === '/api/case-studies' && request.method === 'POST' ? json({ ...FICHE, status: 'DRAFT' }, 201) : undefined))
    const onSaved = vi.fn()
    render(<CaseStudyForm cities={[]} onSaved={onSaved} onCancel={() => {}} />)
    await pick('fiche-city', 'turi', 'Turin')
    expect((screen.getByLabelText(/^Member city/) as HTMLInputElement).value).toBe('Turin (Italy)')
    fireEvent.change(screen.getByTestId('input-name'), { target: { value: 'Skills centres' } })
    fireEvent.click(screen.getByTestId('case-study-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(await requestsTo(fetchMock, '/api/case-studies')[0].json()).toMatchObject({ memberId: 40, name: { en: 'Skills centres' } })
  })

  it('drafts a fiche for one of the focal point\'s cities, in the chosen language', async () => {
    const fetchMock = categoriesApi((request, url) => (url.pathname === '/api/case-studies' && request.method === 'POST' ? json({ ...FICHE, status: 'DRAFT' }, 201) : undefined))
    const onSaved = vi.fn()
    render(<CaseStudyForm cities={CITIES} onSaved={onSaved} onCancel={() => {}} />)

    fireEvent.change(screen.getByTestId('input-memberId'), { target: { value: '41' } })
    fireEvent.change(screen.getByTestId('input-language'), { target: { value: 'fr' } })
    fireEvent.change(screen.getByTestId('input-name'), { target: { value: 'Centres de compétence' } })
    fireEvent.change(screen.getByTestId('input-purpose'), { target: { value: 'Former avec les entreprises.' } })
    fireEvent.change(screen.getByTestId('input-partnershipKinds'), { target: { value: 'Public-privé\n\n Sectoriel ' } })
    fireEvent.change(screen.getByLabelText('Question 1'), { target: { value: 'Quel rôle pour les employeurs ?' } })
    fireEvent.click(await screen.findByLabelText('C: Addressing skills shortages and promoting life-long learning'))
    fireEvent.click(screen.getByLabelText('Employers'))
    fireEvent.click(screen.getByTestId('case-study-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const body = await requestsTo(fetchMock, '/api/case-studies')[0].json()
    expect(body).toMatchObject({
      memberId: 41,
      originalLanguage: 'fr',
      name: { fr: 'Centres de compétence' },
      purpose: { fr: 'Former avec les entreprises.' },
      description: {},
      partnershipKinds: [{ fr: 'Public-privé' }, { fr: 'Sectoriel' }],
      themeQuestions: [{ question: { fr: 'Quel rôle pour les employeurs ?' }, answer: {} }],
      categoryIds: [1],
      targetGroupCodes: ['EMPLOYERS'],
      contact: null,
    })
  })

  it('edits one language with If-Match and sends the other languages back unchanged', async () => {
    const fetchMock = categoriesApi((request, url) => (url.pathname === '/api/case-studies/9' && request.method === 'PUT' ? json(FICHE, 200, { ETag: '"5"' }) : undefined))
    const onSaved = vi.fn()
    render(<CaseStudyForm fiche={FICHE} etag={'"4"'} cities={[]} onSaved={onSaved} onCancel={() => {}} />)

    // English is the UI language and the fiche has an English name: the English texts are shown.
    expect((screen.getByTestId('input-name') as HTMLInputElement).value).toBe('Centres de Compétence (skills centres)')
    fireEvent.change(screen.getByTestId('input-language'), { target: { value: 'fr' } })
    expect((screen.getByTestId('input-name') as HTMLInputElement).value).toBe('Centres de compétence')
    fireEvent.change(screen.getByTestId('input-lessonsLearned'), { target: { value: 'Le partenariat est essentiel.' } })
    fireEvent.change(screen.getByTestId('input-purpose'), { target: { value: '' } })
    fireEvent.click(screen.getByTestId('case-study-save'))

    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const request = requestsTo(fetchMock, '/api/case-studies/9')[0]
    expect(request.headers.get('If-Match')).toBe('"4"')
    const body = await request.json()
    expect(body.name).toEqual({ en: 'Centres de Compétence (skills centres)', fr: 'Centres de compétence' })
    expect(body.lessonsLearned).toEqual({ en: 'Partnership is essential.', fr: 'Le partenariat est essentiel.' })
    expect(body.purpose).toEqual({ en: 'The skills centres combine a variety of features.' })
    expect(body).toMatchObject({ memberId: 40, originalLanguage: 'en', categoryIds: [1, 2] })
    expect(body).not.toHaveProperty('status')
  })

  it('shows the API\'s field errors next to their fields', async () => {
    categoriesApi(() =>
      json(
        {
          type: 'https://learning-cities.example.org/problems/validation',
          title: 'Validation failed',
          status: 422,
          errors: [
            { field: 'name', message: 'needs a text in the original language (en)' },
            { field: 'contact.email', message: 'must be an e-mail address' },
          ],
        },
        422,
      ),
    )
    render(<CaseStudyForm cities={CITIES} onSaved={() => {}} onCancel={() => {}} />)
    fireEvent.click(screen.getByTestId('case-study-save'))

    expect((await screen.findByTestId('error-name')).textContent).toBe('needs a text in the original language (en)')
    expect(screen.getByTestId('input-name').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('error-contact.email').closest('[data-field]')?.getAttribute('data-field')).toBe('contact.email')
  })
})
