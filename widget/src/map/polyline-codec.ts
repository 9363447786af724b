// Compact text encoding for coordinate lists (the "encoded polyline" scheme: zig-zag
// deltas in 5-bit groups, one printable ASCII character each). Used for the built-in
// basemap: plain JSON numbers would be 5-10x larger before gzip.

/** Encode a list of [lat, lng] pairs at `precision` decimal places. */
export function encodePolyline(points: readonly (readonly [number, number])[], precision: number): string {
  const factor = 10 ** precision;
  let out = '';
  let prevLat = 0;
  let prevLng = 0;
  for (const [lat, lng] of points) {
    const qLat = Math.round(lat * factor);
    const qLng = Math.round(lng * factor);
    out += encodeSigned(qLat - prevLat) + encodeSigned(qLng - prevLng);
    prevLat = qLat;
    prevLng = qLng;
  }
  return out;
}

function encodeSigned(value: number): string {
  let v = value < 0 ? ~(value << 1) : value << 1;
  let out = '';
  while (v >= 0x20) {
    out += String.fromCharCode((0x20 | (v & 0x1f)) + 63);
    v >>= 5;
  }
  return out + String.fromCharCode(v + 63);
}

/** Decode a string produced by encodePolyline back into [lat, lng] pairs. */
export function decodePolyline(text: string, precision: number): [number, number][] {
  const factor = 10 ** precision;
  const points: [number, number][] = [];
  let index = 0;
  let lat = 0;
  let lng = 0;
  const next = (): number => {
    let result = 0;
    let shift = 0;
    let byte: number;
    do {
      if (index >= text.length) throw new RangeError('truncated polyline');
      byte = text.charCodeAt(index++) - 63;
      result |= (byte & 0x1f) << shift;
      shift += 5;
    } while (byte >= 0x20);
    return result & 1 ? ~(result >> 1) : result >> 1;
  };
  while (index < text.length) {
    lat += next();
    lng += next();
    points.push([lat / factor, lng / factor]);
  }
  return points;
}
