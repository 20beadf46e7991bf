import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { CaseStudyCategories } from './CaseStudyCategories'
import { FICHE } from './testData'

// The first render loads the page's modules; on a busy shared machine that alone can pass 5 s.
vi.setConfig({ testTimeout: 40_000 })

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await chooseLanguage('en')
})

const type = (element: HTMLElement, value: string) => fireEvent.change(element, { target: { value } })

describe('CaseStudyCategories', () => {
  it('lists the categories and adds one with its names per language, then lists it', async () => {
    const added = { id: 3, code: 'G', name: 'Green skills', fallbackFields: [] }
    let stored = FICHE.categories
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname !== '/api/case-study-categories') return undefined
      if (request.method === 'POST') {
        stored = [...stored, added]
        return json(added, 201)
      }
      return json({ items: stored, page: 1, size: stored.length, total: stored.length })
    })
    render(<CaseStudyCategories />)

    expect((await screen.findAllByTestId('category-item')).map((item) => item.textContent)).toEqual([
      'C: Addressing skills shortages and promoting life-long learning',
      'F: Diversifying local economic base',
    ])
    type(screen.getByTestId('input-category-code'), 'G')
    type(screen.getByTestId('input-category-name-en'), 'Green skills')
    type(screen.getByTestId('input-category-name-fr'), 'Compétences vertes')
    fireEvent.click(screen.getByTestId('category-save'))

    await waitFor(() => expect(screen.getAllByTestId('category-item')).toHaveLength(3))
    const post = requestsTo(fetchMock, '/api/case-study-categories').find((request) => request.method === 'POST')!
    expect(await post.json()).toEqual({ code: 'G', name: { en: 'Green skills', fr: 'Compétences vertes' } })
    expect(screen.getByTestId('category-added').textContent).toBe('The category G was added.')
    // The form is empty again for the next one.
    expect((screen.getByTestId('input-category-code') as HTMLInputElement).value).toBe('')
  })

  it('shows a refusal next to the field it names', async () => {
    fakeApi((request, url) => {
      if (url.pathname !== '/api/case-study-categories') return undefined
      if (request.method === 'POST') {
        return json({ type: 'about:blank', title: 'Validation failed', status: 422, errors: [{ field: 'name', message: 'needs a text in at least one language' }] }, 422)
      }
      return json({ items: [], page: 1, size: 0, total: 0 })
    })
    render(<CaseStudyCategories />)
    type(screen.getByTestId('input-category-code'), 'H')
    fireEvent.click(screen.getByTestId('category-save'))

    expect((await screen.findByTestId('error-name')).textContent).toBe('needs a text in at least one language')
    expect(screen.getByTestId('input-category-name-en').getAttribute('aria-invalid')).toBe('true')
  })
})
