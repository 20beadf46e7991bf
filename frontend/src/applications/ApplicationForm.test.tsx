import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { ApplicationForm } from './ApplicationForm'
import { countWords } from './wordCount'

afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await chooseLanguage('en')
})

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['one', 1],
    ['  Lifelong   learning\nfor all  ', 4],
    ['Medellín, Bogotá y Cali — juntas.', 5],
    ["l'apprentissage tout au long de la vie", 7],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words)
  })
})

describe('ApplicationForm', () => {
  it('counts the words of motivation and implementation as they are typed, and flags more than 200', async () => {
    fakeApi(() => undefined)
    render(<ApplicationForm callId={1} onSubmitted={() => {}} />)

    const motivation = screen.getByTestId('application-motivation')
    const counter = screen.getByTestId('application-motivation-count')
    expect(counter.textContent).toBe('0 of 200 words')

    fireEvent.change(motivation, { target: { value: 'We want to learn together.' } })
    expect(counter.textContent).toBe('5 of 200 words')
    expect(counter.className).not.toContain('word-count-over')
    expect(motivation.getAttribute('aria-describedby')).toContain(counter.id)

    fireEvent.change(motivation, { target: { value: 'word '.repeat(200) } })
    expect(counter.textContent).toBe('200 of 200 words')
    expect(motivation.getAttribute('aria-invalid')).toBeNull()

    fireEvent.change(motivation, { target: { value: 'word '.repeat(201) } })
    expect(counter.textContent).toBe('201 of 200 words: too long')
    expect(counter.className).toContain('word-count-over')
    expect(motivation.getAttribute('aria-invalid')).toBe('true')

    // Each text has its own counter.
    expect(screen.getByTestId('application-implementation-count').textContent).toBe('0 of 200 words')
    await chooseLanguage('fr')
    await waitFor(() => expect(counter.textContent).toBe('201 mots sur 200 : trop long'))
  })

  it('sends every field of the application and shows the API field errors next to them', async () => {
    const fetchMock = fakeApi((request, url) => {
      if (url.pathname === '/api/membership-calls/4/applications' && request.method === 'POST') {
        return json(
          {
            type: 'https://learning-cities.example.org/problems/validation',
            title: 'Validation failed',
            status: 422,
            errors: [
              { field: 'implementation', message: 'has 201 words; at most 200 are allowed' },
              { field: 'challenges[0].rating', message: 'must be between 1 and 5' },
              { field: 'contact.email', message: 'must be a well-formed email address' },
            ],
          },
          422,
        )
      }
    })
    render(<ApplicationForm callId={4} onSubmitted={() => {}} />)
    await screen.findByRole('option', { name: 'Colombia' })

    const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } })
    fill('application-city', 'Envigado')
    fill('application-country', 'CO')
    fill('application-mayor.name', 'Ana Gómez')
    fill('application-contact.name', 'Luis Pérez')
    fill('application-contact.email', 'luis@')
    fill('application-population', '240000')
    fill('application-schoolingYearsWomen', '9.5')
    fireEvent.click(screen.getByTestId('application-language-fr'))
    fill('application-motivation', 'To learn.')
    fill('application-implementation', 'word '.repeat(201))
    fill('application-challenges.0.challenge', 'Low adult participation')
    fill('application-challenges.0.rating', '4')
    fireEvent.click(screen.getByTestId('application-declaration'))
    fireEvent.click(screen.getByTestId('application-submit'))

    expect((await screen.findByTestId('error-implementation')).textContent).toBe('has 201 words; at most 200 are allowed')
    const rating = screen.getByTestId('error-challenges.0.rating')
    expect(within(rating.closest('[data-field]') as HTMLElement).getByRole('combobox').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('error-contact.email').textContent).toBe('must be a well-formed email address')

    const body = await requestsTo(fetchMock, '/api/membership-calls/4/applications')[0].json()
    expect(body).toEqual({
      city: 'Envigado',
      country: 'CO',
      website: null,
      mayor: { name: 'Ana Gómez', title: null },
      contact: { name: 'Luis Pérez', role: null, organisation: null, email: 'luis@', phone: null },
      languageOfCommunication: 'fr',
      population: 240000,
      areaKm2: null,
      gdpPerCapitaCityUsd: null,
      gdpPerCapitaCountryUsd: null,
      schoolingYearsMen: null,
      schoolingYearsWomen: 9.5,
      motivation: 'To learn.',
      implementation: 'word '.repeat(201).trim(),
      challenges: [{ challenge: 'Low adult participation', rating: 4 }],
      interests: null,
      expertise: null,
      commitsToDeclaration: true,
    })
  })
})
