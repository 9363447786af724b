// Entry of branch-picker.basemap.js: decodes the packed basemap and hands it to the main file
// that injected it. Pure data and decoding: no Leaflet, Lit or zod inside.
import { basemapGeometry } from './basemap-decode.js';
import { basemapHook } from './basemap-hook.js';

basemapHook()?.(basemapGeometry());
