import { geoEqualEarth, geoPath } from 'd3-geo'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { feature, mesh } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { Schemas } from '../api/client'
import { ProblemMessage } from '../components/ProblemMessage'
import { useLoad } from '../components/useLoad'

// Drawn offline: Natural Earth's 1:110m outlines (world-atlas, TopoJSON) in the Equal Earth
// projection, as SVG. No tile server, no network beyond the app's own files.
const WIDTH = 960
const SPHERE = { type: 'Sphere' } as const
const projection = geoEqualEarth().fitWidth(WIDTH, SPHERE)
const path = geoPath(projection)
const HEIGHT = Math.ceil(path.bounds(SPHERE)[1][1])

type WorldAtlas = Topology<{ countries: GeometryCollection; land: GeometryCollection }>

/** Land and borders as two SVG path strings (computed once per atlas). */
function outlines(world: WorldAtlas) {
  return {
    land: path(feature(world, world.objects.land)) ?? '',
    borders: path(mesh(world, world.objects.countries, (a, b) => a !== b)) ?? '',
  }
}

export default function WorldMap({ points }: { points?: Schemas['MemberFeatureCollection'] }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  // The outlines are a chunk of their own, fetched only when a map is shown.
  const atlas = useLoad(() => import('world-atlas/countries-110m.json').then((module) => module.default as unknown as WorldAtlas), [])
  const shapes = useMemo(() => (atlas.status === 'loaded' ? outlines(atlas.data) : undefined), [atlas])

  if (atlas.status === 'failed') return <ProblemMessage error={atlas.error} />
  const features = points?.features ?? []
  return (
    <figure className="world-map" data-testid="world-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="group" aria-label={t('directory.mapLabel', { count: features.length })}>
        <path d={path(SPHERE) ?? ''} className="map-sphere" />
        {shapes && (
          <>
            <path d={shapes.land} className="map-land" />
            <path d={shapes.borders} className="map-borders" />
          </>
        )}
        {features.map((point, index) => {
          const [x, y] = projection(point.geometry.coordinates as [number, number]) ?? [NaN, NaN]
          if (!Number.isFinite(x) || !Number.isFinite(y)) return null
          const href = `/members/${point.id}`
          return (
            <a
              key={point.id ?? index}
              href={href}
              data-testid="map-point"
              onClick={(event) => {
                event.preventDefault()
                void navigate(href)
              }}
            >
              <title>{`${point.properties.name} (${point.properties.country})`}</title>
              <circle cx={x} cy={y} r={4} className={`map-point map-point-${point.properties.status.toLowerCase()}`} />
            </a>
          )
        })}
      </svg>
      <figcaption>{points ? t('directory.mapCaption', { count: features.length }) : t('status.loading')}</figcaption>
    </figure>
  )
}
