// The one place where the sandbox picks up logic shared with the widget (widget/src/core):
// server-side filters, facets and search must behave exactly like the widget's own.
export { isOpenAt, worksOnWeekends } from '../../widget/src/core/hours.js';
export { branchSearchText, normalizeText, queryVariants, score, SCORE_WORD_PREFIX } from '../../widget/src/core/search-normalize.js';
export { countFacets, matchesFilters, type FilterState } from '../../widget/src/core/filters.js';
export {
  CLUSTER_OPTIONS, clusterTile,
  type ClusterPointProps, type ClusterTile, type ClusterTileIndex,
} from '../../widget/src/core/cluster-tile.js';
export {
  addDays, localIsoDate, wallClockOffsetMs, zonedDateTimeStrict, zonedWallClockToMs, zoneOffsetMs,
} from '../../widget/src/core/calendar.js';
export { QUOTE_TTL_MS } from '../../widget/src/core/quote-lifetime.js';
export { EARTH_RADIUS_M, haversineRad } from '../../widget/src/core/geo.js';
