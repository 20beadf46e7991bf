import { geoEqualEarth, geoPath } from 'd3-geo'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { api, unwrap, type Schemas } from '../api/client'
import { ProblemMessage } from '../components/ProblemMessage'
import { useLoad } from '../components/useLoad'
import { REGION_COLOURS } from './homeFormat'

// Offline: Natural Earth 1:110m land (world-atlas) in the Equal Earth projection, drawn as SVG.
// This module and the outlines are chunks of their own, fetched only once the figures show.
const WIDTH = 960
const SPHERE = { type: 'Sphere' } as const
const projection = geoEqualEarth().fitWidth(WIDTH, SPHERE)
const path = geoPath(projection)
const HEIGHT = Math.ceil(path.bounds(SPHERE)[1][1])

type WorldAtlas = Topology<{ land: GeometryCollection }>

/** Member cities as dots coloured by UNESCO region (the legend beside it gives the counts). */
export default function NetworkMap({ total }: { total: number }) {
  const { t } = useTranslation()
  const atlas = useLoad(() => import('world-atlas/land-110m.json').then((module) => module.default as unknown as WorldAtlas), [])
  // The map widget's one call: the member cities as GeoJSON points.
  const points = useLoad(
    (signal) =>
      api
        .GET('/api/members', { params: { query: { status: 'MEMBER' } }, headers: { Accept: 'application/geo+json' }, signal })
        .then(unwrap) as Promise<Schemas['MemberFeatureCollection']>,
    [],
  )
  const land = useMemo(() => (atlas.status === 'loaded' ? (path(feature(atlas.data, atlas.data.objects.land)) ?? '') : ''), [atlas])

  if (atlas.status === 'failed') return <ProblemMessage error={atlas.error} />
  if (points.status === 'failed') return <ProblemMessage error={points.error} />
  const features = points.status === 'loaded' ? points.data.features : []
  return (
    <figure className="home-map" data-testid="home-map" data-points={features.length}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('home.mapLabel', { count: total })}>
        <path d={path(SPHERE) ?? ''} className="map-sphere" />
        <path d={land} className="map-land" />
        {features.map((point, index) => {
          const [x, y] = projection(point.geometry.coordinates as [number, number]) ?? [NaN, NaN]
          if (!Number.isFinite(x) || !Number.isFinite(y)) return null
          const region = point.properties.region ?? ''
          return <circle key={point.id ?? index} cx={x} cy={y} r={4} fill={REGION_COLOURS[region] ?? '#777'} className="home-map-point" />
        })}
      </svg>
    </figure>
  )
}
