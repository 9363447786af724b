// Small synchronous string hashes: the sandbox runs in Node and in a service worker,
// so it cannot rely on node:crypto, and Web Crypto is async. Not for security.

/** cyrb53-style 53-bit hash, as a fixed-width base-36 string. */
export function hashString(input: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(36).padStart(11, '0');
}

/** FNV-1a 32-bit with a seed, as an unsigned integer. */
export function hash32(input: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche so that similar inputs ("city:1", "city:2") spread over all bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/**
 * A stable UUID-shaped id (version nibble 5, RFC variant) derived from a string:
 * carrier "Ref"s must look like the real ones and stay the same across restarts.
 */
export function uuidFromString(input: string): string {
  const a = hex8(hash32(input, 1));
  const b = hex8(hash32(input, 2));
  const c = hex8(hash32(input, 3));
  const d = hex8(hash32(input, 4));
  const variant = ((parseInt(c[0] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-5${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}
