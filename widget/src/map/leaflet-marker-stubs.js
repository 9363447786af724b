// Stand-ins for two modules Leaflet's Marker imports, in the script-tag build only
// (scripts/build-widget.ts resolves them so for leaflet/src/layer/marker/Marker.js):
// every widget marker passes its own icon (map/marker-icons.ts, a div for "you are here"), so the
// default PNG icon is never drawn, and no marker is draggable (Marker checks `if (MarkerDrag)`).
// A marker created without an icon would fail to render: always pass one.
export function IconDefault() {}
export const MarkerDrag = undefined;
