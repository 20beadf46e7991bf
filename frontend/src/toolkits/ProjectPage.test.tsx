import { cleanup, render, screen, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json } from '../test/fakeApi'
import { ProjectPage } from './ProjectPage'
import { PROJECT, RESOURCE_SUMMARY } from './testData'
import { ToolkitPage } from './ToolkitPage'

// The first render loads the page's modules; on a busy shared machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 20_000 })

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await chooseLanguage('en')
})

function renderAt(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/projects/:id" element={<ProjectPage />} />
        <Route path="/toolkits/:id" element={<ToolkitPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

const text = (testId: string) => screen.getByTestId(testId).textContent?.replace(/[\u00a0\u202f]/g, ' ')

describe('ProjectPage', () => {
  it('shows the budget, each co-financing line, their sum and the remaining own contribution, exactly', async () => {
    fakeApi((_request, url) => (url.pathname === '/api/projects/3' ? json({ ...PROJECT, totalBudget: '2103036.05', ownContribution: '1051518.05' }) : undefined))
    renderAt('/projects/3')

    await screen.findByTestId('project-budget')
    expect(text('budget-total')).toBe('€2,103,036.05')
    expect(screen.getAllByTestId('cofinancing-line').map((row) => row.textContent?.replace(/\u00a0/g, ' '))).toEqual(['Co-financing: ERDF€1,051,518.00'])
    expect(text('cofinancing-total')).toBe('€1,051,518.00')
    expect(text('own-contribution')).toBe('€1,051,518.05')
    expect(text('project-period')).toBe('Jan 1, 2012 to Sep 30, 2014')
  })

  it('formats the money in French and lists partners with role and country, and outputs linked to resources', async () => {
    await chooseLanguage('fr')
    fakeApi((_request, url) => (url.pathname === '/api/projects/3' ? json(PROJECT) : undefined))
    renderAt('/projects/3')

    await screen.findByTestId('project-budget')
    expect(text('budget-total')).toBe('2 103 036,00 €')
    const rows = screen.getAllByTestId('partner-row').map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))
    expect(rows).toEqual([
      ["Centre Communal d'Action Sociale de Carvin", 'Chef de file', 'France'],
      ['Stad Turnhout', 'Partenaire', 'Belgique'],
    ])
    const output = within(screen.getByTestId('project-outputs')).getByRole('link')
    expect(output.getAttribute('href')).toBe('/resources/31')
    expect(output.textContent).toBe('Two models of volunteer mentoring')
  })

  it('says when the total budget is unknown', async () => {
    fakeApi((_request, url) => (url.pathname === '/api/projects/3' ? json({ ...PROJECT, totalBudget: null, ownContribution: null, startDate: null, endDate: null }) : undefined))
    renderAt('/projects/3')
    await screen.findByTestId('project-budget')
    expect(text('budget-total')).toBe('Not known')
    expect(text('own-contribution')).toBe('Not known')
    // Facts without a value are left out, not shown empty.
    expect(screen.queryByTestId('project-period')).toBeNull()
    expect(screen.queryByText('Period')).toBeNull()
  })
})

describe('ToolkitPage', () => {
  it('shows the sections in order with their resources, and marks texts shown in the original language', async () => {
    await chooseLanguage('es')
    fakeApi((_request, url) =>
      url.pathname === '/api/toolkits/2'
        ? json({
            id: 2,
            externalId: null,
            title: 'Caja de herramientas de las ciudades del aprendizaje',
            summary: 'Practical advice, tools and resources.',
            originalLanguage: 'en',
            languages: ['en', 'fr', 'es'],
            fallbackFields: ['summary'],
            project: { id: 3, acronym: 'Learning Cities', title: 'Learning Cities' },
            clusterId: null,
            topics: [],
            sections: [
              { title: 'Entorno', summary: null, resources: [RESOURCE_SUMMARY] },
              { title: 'Compromiso', summary: null, resources: [] },
              { title: 'Evolución', summary: null, resources: [{ ...RESOURCE_SUMMARY, id: 32, title: 'Video loop', type: 'VIDEO' }] },
            ],
            translations: {},
            version: 1,
          })
        : undefined,
    )
    renderAt('/toolkits/2')

    const sections = await screen.findAllByTestId('toolkit-section')
    expect(sections.map((section) => within(section).getByRole('heading').textContent)).toEqual(['Entorno', 'Compromiso', 'Evolución'])
    expect(within(sections[0]).getByRole('link').getAttribute('href')).toBe('/resources/31')
    expect(within(sections[0]).getByTestId('toolkit-resource').textContent).toContain('Guía de mentoría')
    expect(within(sections[1]).getByText('No hay recursos en esta sección.')).toBeTruthy()
    expect(within(sections[2]).getByRole('link').getAttribute('href')).toBe('/resources/32')
    expect(screen.getByTestId('toolkit-project').getAttribute('href')).toBe('/projects/3')
    expect(screen.getByTestId('fallback-note').textContent).toBe('Algunos textos aún no están en español; se muestran en inglés.')
  })
})
