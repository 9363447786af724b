// One Web Mercator tile of clusters and points, in the tile feed's FeedItem shape: the one
// implementation behind both the sandbox's GET /api/v1/tiles/{z}/{x}/{y} (api-mock/src/spatial/
// cluster-cache.ts) and the list feed's worker (widget/src/points/cluster-index.ts), so the map cannot
// tell the two feeds apart. Proven by the golden fixture in ./fixtures/cluster-tiles.golden.json.
// Types only from supercluster and the model: this file is part of the zod-free worker bundle.
import type Supercluster from 'supercluster';
import type { FeedCluster, FeedPoint } from '../model/feed.js';
import { tileBounds } from './geo.js';

/** Supercluster settings: radius is in pixels of a 512-unit tile, i.e. ~30 CSS px on 256 px Leaflet tiles. */
export const CLUSTER_OPTIONS = { radius: 60, extent: 512, maxZoom: 16, minPoints: 2 } as const;
/** 5 decimals of a degree is about 1 m, enough for a marker. */
export const COORD_DECIMALS = 5;

/** What both sides put in a point feature's properties: the point's index in their own table. */
export type ClusterPointProps = { i: number };
export type ClusterTileIndex = Supercluster<ClusterPointProps, Supercluster.AnyProps>;

/** The rest of a point's marker fields, looked up by its index. */
export type PointFields = Pick<FeedPoint, 'id' | 'carrier' | 'type' | 'status'>;

export interface ClusterTile {
  /** Points represented by the items of this tile, after filters (a cluster belongs to the tile of its centre). */
  total: number;
  items: Array<FeedPoint | FeedCluster>;
}

/** Round to a fixed number of decimals. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

const RAD = Math.PI / 180;

/** Web Mercator x in [0, 1] (same projection as supercluster and Leaflet). */
export function mercatorX(lng: number): number {
  return lng / 360 + 0.5;
}

/** Web Mercator y in [0, 1], 0 at the top. */
export function mercatorY(lat: number): number {
  const sin = Math.sin(lat * RAD);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

/**
 * Whether a coordinate belongs to tile (z, x, y): membership is decided in projected space with
 * floor(), so a cluster sitting exactly on a tile edge lands in exactly one tile.
 */
export function inTile(z: number, x: number, y: number, lat: number, lng: number): boolean {
  const n = 2 ** z;
  const tx = Math.min(n - 1, Math.max(0, Math.floor(mercatorX(lng) * n)));
  const ty = Math.min(n - 1, Math.max(0, Math.floor(mercatorY(lat) * n)));
  return tx === x && ty === y;
}

/**
 * The clusters and points of one tile. The query box is padded a little and membership decided by
 * inTile(): every cluster lands in exactly one tile even on an edge. Coordinates are rounded to
 * COORD_DECIMALS; a cluster's expansion zoom is supercluster's own (always above the zoom it is
 * drawn at: a cluster of zoom z is made from the points of z + 1).
 */
export function clusterTile(
  index: ClusterTileIndex,
  z: number, x: number, y: number,
  pointFields: (i: number) => PointFields,
  clusterId: (id: number) => string = String,
): ClusterTile {
  const { west, south, east, north } = tileBounds({ z, x, y });
  const padLng = (east - west) * 0.01;
  const padLat = (north - south) * 0.01;
  const features = index.getClusters(
    [Math.max(-180, west - padLng), Math.max(-90, south - padLat), Math.min(180, east + padLng), Math.min(90, north + padLat)],
    z,
  );
  const items: Array<FeedPoint | FeedCluster> = [];
  let total = 0;
  for (const f of features) {
    const [lng, lat] = f.geometry.coordinates as [number, number];
    if (!inTile(z, x, y, lat, lng)) continue;
    const props = f.properties as Supercluster.AnyProps;
    if (props.cluster === true) {
      const id = props.cluster_id as number;
      const count = props.point_count as number;
      total += count;
      items.push({
        kind: 'cluster',
        id: clusterId(id),
        lat: roundTo(lat, COORD_DECIMALS),
        lng: roundTo(lng, COORD_DECIMALS),
        count,
        expansionZoom: index.getClusterExpansionZoom(id),
      });
    } else {
      total += 1;
      items.push({
        kind: 'point',
        ...pointFields((props as ClusterPointProps).i),
        lat: roundTo(lat, COORD_DECIMALS),
        lng: roundTo(lng, COORD_DECIMALS),
      });
    }
  }
  return { total, items };
}
