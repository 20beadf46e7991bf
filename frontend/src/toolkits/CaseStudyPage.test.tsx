import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Schemas } from '../api/client'
import type { AuthState } from '../auth/AuthProvider'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { CaseStudyPage } from './CaseStudyPage'
import { authenticated, FICHE } from './testData'

// The first render loads the page's modules; on a busy shared machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 20_000 })

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
    <MemoryRouter initialEntries={['/case-studies/9']}>
      <Routes>
        <Route path="/case-studies/:id" element={<CaseStudyPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

const LIEGE = { id: 40, name: 'Liège', country: { iso2: 'BE', name: 'Belgium' }, yearJoined: 2015, status: 'MEMBER', topics: [] }

/** The fiche moves through the states as the workflow calls arrive; every request is recorded. */
function workflowApi(start: Schemas['CaseStudy'], cities: unknown[] = []) {
  let fiche = start
  return fakeApi(async (request, url) => {
    if (url.pathname === '/api/me/cities') return json({ items: cities, page: 1, size: 20, total: cities.length })
    if (url.pathname === '/api/case-study-categories') return json({ items: FICHE.categories, page: 1, size: 2, total: 2 })
    const action = url.pathname.match(/^\/api\/case-studies\/9\/(submission|publication|return)$/)?.[1]
    if (action && request.method === 'POST') {
      if (action === 'return') {
        const { comment } = await request.clone().json()
        if (!comment) return json({ type: 'about:blank', title: 'Validation failed', status: 422, errors: [{ field: 'comment', message: 'must not be blank' }] }, 422)
        fiche = { ...fiche, status: 'RETURNED', returnComment: comment, version: fiche.version + 1 }
      } else {
        fiche = { ...fiche, status: action === 'submission' ? 'SUBMITTED' : 'PUBLISHED', version: fiche.version + 1 }
      }
      return json(fiche, 200, { ETag: `"${fiche.version}"` })
    }
    if (url.pathname === '/api/case-studies/9') return json(fiche, 200, { ETag: `"${fiche.version}"` })
  })
}

describe('CaseStudyPage', () => {
  it('shows every field of a published fiche to the public, without contact or workflow', async () => {
    workflowApi(FICHE)
    renderPage()

    expect((await screen.findByTestId('case-study-name')).textContent).toBe('Centres de Compétence (skills centres)')
    expect(screen.getByTestId('case-study-status').textContent).toBe('Published')
    expect(screen.getByTestId('case-study-lead').textContent).toBe('FOREM')
    expect(screen.getByTestId('case-study-categories').textContent).toBe(
      'C: Addressing skills shortages and promoting life-long learning; F: Diversifying local economic base',
    )
    for (const [field, text] of [
      ['purpose', 'The skills centres combine a variety of features.'],
      ['leadOrganisationBackground', 'The Walloon public employment service.'],
      ['background', 'A priority for the Walloon PES.'],
      ['description', 'Close co-operation with industry sectors.'],
      ['objectives', 'Raise the level of qualifications.'],
      ['geographicalFocus', 'Wallonia'],
      ['partnerships', 'Public-private partnerships.'],
      ['otherTiersOfGovernment', 'The Walloon Region.'],
      ['fundingMix', 'ERDF and regional funds.'],
      ['targetGroups', 'Jobseekers and workers.'],
      ['successes', '11 centres running.'],
      ['problems', 'Finding trainers.'],
      ['lessonsLearned', 'Partnership is essential.'],
    ]) {
      expect(screen.getByTestId(`case-study-${field}`).textContent).toBe(text)
    }
    expect(within(screen.getByTestId('case-study-partnershipKinds')).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Public-private',
      'Sectoral',
    ])
    expect(screen.getByTestId('case-study-themeQuestions').textContent).toBe('How are employers involved?They co-manage the centres.')
    expect(screen.getByText('Industrial region in transition.')).toBeTruthy()
    expect(screen.queryByTestId('case-study-contact')).toBeNull()
    expect(screen.queryByTestId('case-study-workflow')).toBeNull()
    expect(screen.queryByTestId('case-study-edit')).toBeNull()
  })

  it('marks the texts that are shown in the original language', async () => {
    await chooseLanguage('fr')
    workflowApi({ ...FICHE, fallbackFields: ['lessonsLearned'] })
    renderPage()

    expect((await screen.findByTestId('fallback-note')).textContent).toBe(
      "Certains textes n'existent pas encore en français ; ils sont affichés en anglais.",
    )
    expect(screen.getByTestId('case-study-lessonsLearned').getAttribute('lang')).toBe('en')
    expect(screen.getByTestId('case-study-purpose').getAttribute('lang')).toBeNull()
  })

  it('shows the contact when the API gives it (to the city\'s focal point)', async () => {
    auth.state = authenticated('focal-point')
    workflowApi({ ...FICHE, address: 'Boulevard Tirou 104, Charleroi', contact: { name: 'Marie Corman', phone: '+32 71 20 61 11', fax: null, email: 'marie@example.org' } }, [LIEGE])
    renderPage()

    const contact = await screen.findByTestId('case-study-contact')
    expect(contact.textContent).toContain('Boulevard Tirou 104, Charleroi')
    expect(contact.textContent).toContain('Marie Corman')
    expect(within(contact).getByRole('link').getAttribute('href')).toBe('mailto:marie@example.org')
  })

  it('lets the city\'s focal point submit a draft, which then can no longer be edited by them', async () => {
    auth.state = authenticated('focal-point')
    const fetchMock = workflowApi({ ...FICHE, status: 'DRAFT', publishedAt: null, submittedAt: null }, [LIEGE])
    renderPage()

    expect((await screen.findByTestId('case-study-status')).textContent).toBe('Draft')
    await screen.findByTestId('case-study-edit')
    fireEvent.click(await screen.findByTestId('case-study-submit'))

    await waitFor(() => expect(screen.getByTestId('case-study-status').textContent).toBe('Submitted'))
    expect(screen.getByTestId('case-study-notice').textContent).toBe('The case study was submitted to the secretariat.')
    expect(requestsTo(fetchMock, '/api/case-studies/9/submission')).toHaveLength(1)
    expect(screen.queryByTestId('case-study-edit')).toBeNull()
    expect(screen.queryByTestId('case-study-workflow')).toBeNull()
  })

  it('lets the secretariat publish a submitted fiche', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = workflowApi({ ...FICHE, status: 'SUBMITTED', publishedAt: null })
    renderPage()

    fireEvent.click(await screen.findByTestId('case-study-publish'))
    await waitFor(() => expect(screen.getByTestId('case-study-status').textContent).toBe('Published'))
    expect(requestsTo(fetchMock, '/api/case-studies/9/publication')).toHaveLength(1)
    expect(screen.queryByTestId('case-study-publish')).toBeNull()
  })

  it('lets the secretariat return a submitted fiche with a comment; a blank one is refused next to the field', async () => {
    auth.state = authenticated('secretariat')
    const fetchMock = workflowApi({ ...FICHE, status: 'SUBMITTED', publishedAt: null })
    renderPage()

    fireEvent.click(await screen.findByTestId('case-study-return-open'))
    fireEvent.click(screen.getByTestId('case-study-return'))
    expect((await screen.findByTestId('error-comment')).textContent).toBe('must not be blank')

    fireEvent.change(screen.getByTestId('case-study-return-comment-input'), { target: { value: 'Please add the funding mix.' } })
    fireEvent.click(screen.getByTestId('case-study-return'))
    await waitFor(() => expect(screen.getByTestId('case-study-status').textContent).toBe('Returned'))
    expect(screen.getByTestId('case-study-return-comment').textContent).toContain('Please add the funding mix.')
    const sent = await requestsTo(fetchMock, '/api/case-studies/9/return').at(-1)!.json()
    expect(sent).toEqual({ comment: 'Please add the funding mix.' })
  })
})
