// The subset of Leaflet the widget uses, imported from Leaflet's own ES sources so the
// script-tag bundle leaves out what it never needs (GeoJSON, popups, tooltips, image/video
// overlays, layer switcher, scale, WMS, every vector layer and renderer (the built-in basemap draws
// on GridLayer tiles), box zoom, circle markers). scripts/build-widget.ts swaps `leaflet` for this
// file for the IIFE build only (scripts/leaflet-swaps.ts); the npm ESM build keeps the bare `leaflet` import.
// Relies on one Leaflet internal, the leaflet/src/ module layout, checked against the installed Leaflet
// by map/leaflet-internals.test.ts.
// Module order matters: Map first, then the modules that extend it through init hooks.
export { Map, createMap as map } from 'leaflet/src/map/Map';
import { Map } from 'leaflet/src/map/Map';
import { DoubleClickZoom } from 'leaflet/src/map/handler/Map.DoubleClickZoom';
import { Drag } from 'leaflet/src/map/handler/Map.Drag';
import { Keyboard } from 'leaflet/src/map/handler/Map.Keyboard';
import { ScrollWheelZoom } from 'leaflet/src/map/handler/Map.ScrollWheelZoom';
import { TouchZoom } from 'leaflet/src/map/handler/Map.TouchZoom';
import { Control, control } from 'leaflet/src/control/Control';
import { Zoom, zoom } from 'leaflet/src/control/Control.Zoom';
import { Attribution, attribution } from 'leaflet/src/control/Control.Attribution';

Map.DoubleClickZoom = DoubleClickZoom;
Map.Drag = Drag;
Map.Keyboard = Keyboard;
Map.ScrollWheelZoom = ScrollWheelZoom;
Map.TouchZoom = TouchZoom;
Control.Zoom = Zoom;
Control.Attribution = Attribution;
control.zoom = zoom;
control.attribution = attribution;
export { Control, control };

export { Layer } from 'leaflet/src/layer/Layer';
export { LayerGroup, layerGroup } from 'leaflet/src/layer/LayerGroup';
export { Marker, marker } from 'leaflet/src/layer/marker/Marker';
export { Icon, icon } from 'leaflet/src/layer/marker/Icon';
export { DivIcon, divIcon } from 'leaflet/src/layer/marker/DivIcon';
export { GridLayer, gridLayer } from 'leaflet/src/layer/tile/GridLayer';
export { TileLayer, tileLayer } from 'leaflet/src/layer/tile/TileLayer';
export { LatLng, toLatLng as latLng } from 'leaflet/src/geo/LatLng';
export { LatLngBounds, toLatLngBounds as latLngBounds } from 'leaflet/src/geo/LatLngBounds';
export { Point, toPoint as point } from 'leaflet/src/geometry/Point';
export { Bounds, toBounds as bounds } from 'leaflet/src/geometry/Bounds';
