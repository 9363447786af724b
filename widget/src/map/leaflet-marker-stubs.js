// Stand-ins for two modules Leaflet's Marker imports, in the script-tag build only
// (swapped in by path, scripts/leaflet-swaps.ts; Marker.js's use of them is checked by leaflet-internals.test.ts):
// every widget marker passes its own icon (map/marker-icons.ts, a div for "you are here"), so the
// default PNG icon is never drawn, and no marker is draggable (Marker checks `if (MarkerDrag)`).
// A marker created without an icon would fail to render: always pass one.
export function IconDefault() {}
export const MarkerDrag = undefined;
