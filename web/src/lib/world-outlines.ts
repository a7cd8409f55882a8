// Country outlines from world-atlas (Natural Earth, public domain) in Web Mercator, scaled to a 360 × 360 square:
// x = longitude + 180; y = 0 at 85.05° north (the edge of map tiles) to 360 at 85.05° south. Shared by the Places
// map and the viewer's small map; both load it only when shown.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';

const MAX_LAT = 85.0511;

export const px = (lng: number) => lng + 180;

export const py = (lat: number) => {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  return 180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
};

let cached: string | null = null;

/** Every country as one SVG path; a ring that jumps across the antimeridian starts a new subpath instead of a streak. */
export function worldOutlines(): string {
  if (cached) return cached;
  const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries);
  let d = '';
  for (const country of countries.features) {
    const geometry = country.geometry;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
    for (const ring of polygons.flat()) {
      let previous: number | null = null;
      for (const [lng, lat] of ring) {
        const jump = previous === null || Math.abs(lng - previous) > 180;
        d += `${jump ? 'M' : 'L'}${px(lng).toFixed(2)},${py(lat).toFixed(2)}`;
        previous = lng;
      }
    }
  }
  cached = d;
  return d;
}
