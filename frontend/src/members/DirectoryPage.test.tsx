import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '../i18n'
import { fakeApi, json, requestsTo } from '../test/fakeApi'
import { DirectoryPage } from './DirectoryPage'

const MEDELLIN = {
  id: 7,
  name: 'Medellín',
  country: { iso2: 'CO', name: 'Colombia' },
  yearJoined: 2015,
  status: 'MEMBER',
  population: 2533424,
  latitude: 6.24,
  longitude: -75.58,
  topics: [1],
}
const NAIROBI = { ...MEDELLIN, id: 8, name: 'Nairobi', country: { iso2: 'KE', name: 'Kenya' }, yearJoined: 2020, population: 4397073 }

function LocationProbe() {
  const location = useLocation()
  return <output data-testid="location">{location.search}</output>
}

function renderAt(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route
          path="/members"
          element={
            <>
              <DirectoryPage />
              <LocationProbe />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
  )
}

/** The query of the last JSON (table) and GeoJSON (map) request to /api/members. */
function lastQueries(fetchMock: ReturnType<typeof fakeApi>) {
  const requests = requestsTo(fetchMock, '/api/members')
  const table = requests.filter((request) => request.headers.get('Accept') !== 'application/geo+json').at(-1)!
  const map = requests.filter((request) => request.headers.get('Accept') === 'application/geo+json').at(-1)!
  return {
    table: Object.fromEntries(new URL(table.url).searchParams),
    map: Object.fromEntries(new URL(map.url).searchParams),
  }
}

describe('DirectoryPage', () => {
  let fetchMock: ReturnType<typeof fakeApi>

  beforeEach(async () => {
    await chooseLanguage('en')
    fetchMock = fakeApi((request, url) => {
      if (url.pathname !== '/api/members') return undefined
      if (request.headers.get('Accept') === 'application/geo+json') {
        return json({
          type: 'FeatureCollection',
          features: [MEDELLIN, NAIROBI].map((city) => ({
            type: 'Feature',
            id: city.id,
            geometry: { type: 'Point', coordinates: [city.longitude, city.latitude] },
            properties: { name: city.name, country: city.country.iso2, status: city.status, yearJoined: city.yearJoined },
          })),
        })
      }
      return json({ items: [MEDELLIN, NAIROBI], page: Number(url.searchParams.get('page') ?? 1), size: 20, total: 42 })
    })
  })

  afterEach(() => {
    cleanup()
    vi.unstubAllGlobals()
  })

  it('shows one row per city with country, year joined and population', async () => {
    renderAt('/members')

    const rows = await screen.findAllByTestId('member-row')
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['Medellín', 'Colombia', '2015', '2,533,424', 'Member'],
      ['Nairobi', 'Kenya', '2020', '4,397,073', 'Member'],
    ])
    expect(within(rows[0]).getByRole('link', { name: 'Medellín' }).getAttribute('href')).toBe('/members/7')
    expect(screen.getByTestId('directory-total').textContent).toBe('Cities found: 42')
    expect(await screen.findAllByTestId('map-point')).toHaveLength(2)
  })

  it('sends the filters of the URL to the table and, without paging, to the map', async () => {
    renderAt('/members?q=medellin&region=LATIN_AMERICA_CARIBBEAN&topic=10&joinedFrom=2015&sort=-population&page=2')
    await screen.findAllByTestId('member-row')
    await waitFor(() => expect(requestsTo(fetchMock, '/api/members')).toHaveLength(2))

    const { table, map } = lastQueries(fetchMock)
    expect(table).toEqual({
      q: 'medellin',
      region: 'LATIN_AMERICA_CARIBBEAN',
      topic: '10',
      joinedFrom: '2015',
      sort: '-population',
      page: '2',
      size: '20',
      lang: 'en',
    })
    expect(map).toEqual({ q: 'medellin', region: 'LATIN_AMERICA_CARIBBEAN', topic: '10', joinedFrom: '2015', lang: 'en' })
  })

  it('puts a changed filter, search or sort into the URL and asks again from page 1', async () => {
    renderAt('/members?region=AFRICA&page=3')
    await screen.findAllByTestId('member-row')

    // The options come from the reference data; the select applies at once.
    await screen.findByRole('option', { name: 'Kenya' })
    fireEvent.change(screen.getByTestId('directory-country'), { target: { value: 'KE' } })
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('?region=AFRICA&country=KE'))
    await waitFor(() => expect(lastQueries(fetchMock).table).toMatchObject({ region: 'AFRICA', country: 'KE', page: '1' }))

    fireEvent.change(screen.getByTestId('directory-q'), { target: { value: 'nai' } })
    fireEvent.change(screen.getByTestId('directory-joinedTo'), { target: { value: '2020' } })
    fireEvent.click(screen.getByTestId('directory-submit'))
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('?region=AFRICA&country=KE&q=nai&joinedTo=2020'))
    await waitFor(() => expect(lastQueries(fetchMock).map).toEqual({ region: 'AFRICA', country: 'KE', q: 'nai', joinedTo: '2020', lang: 'en' }))

    fireEvent.click(await screen.findByTestId('sort-yearJoined'))
    await waitFor(() => expect(lastQueries(fetchMock).table).toMatchObject({ sort: 'yearJoined', q: 'nai' }))
    fireEvent.click(await screen.findByTestId('sort-yearJoined'))
    await waitFor(() => expect(lastQueries(fetchMock).table).toMatchObject({ sort: '-yearJoined' }))

    fireEvent.click(await screen.findByTestId('page-next'))
    await waitFor(() => expect(lastQueries(fetchMock).table).toMatchObject({ sort: '-yearJoined', page: '2' }))
  })
})
