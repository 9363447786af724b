/** How long a quote holds: the widget's quote cache and the sandbox's quote endpoint both use it. */
export const QUOTE_TTL_MS = 30 * 60_000;
