// Decoding of the generated basemap module (pure: no Leaflet, unit-tested).
import { decodePolyline } from './polyline-codec.js';
import { BASEMAP_BORDERS, BASEMAP_COAST, BASEMAP_LAND, BASEMAP_PRECISION } from './basemap-data.js';

export type LatLngTuple = [number, number];
export interface BasemapGeometry {
  /** Polygons, each a list of rings (the first is the outline). */
  land: LatLngTuple[][][];
  coast: LatLngTuple[][];
  borders: LatLngTuple[][];
}

/** Decode the three packed layers. Pure; throws RangeError on corrupt input. */
export function decodeBasemap(
  land: string,
  coast: string,
  borders: string,
  precision: number,
): BasemapGeometry {
  const lines = (text: string) => (text ? text.split(',').map((t) => decodePolyline(t, precision)) : []);
  return {
    land: land ? land.split(';').map(lines) : [],
    coast: lines(coast),
    borders: lines(borders),
  };
}

let cached: BasemapGeometry | undefined;
export function basemapGeometry(): BasemapGeometry {
  cached ??= decodeBasemap(BASEMAP_LAND, BASEMAP_COAST, BASEMAP_BORDERS, BASEMAP_PRECISION);
  return cached;
}

