// The points listbox's keyboard model (WAI-ARIA listbox): arrows, Home and End move the
// highlight; Enter and Space open the highlighted point's details.
export type ListKeyAction = { move: number } | { open: true } | undefined;

/** What a key does with `n` rows and row `i` highlighted (-1: none). */
export function listKeyAction(key: string, i: number, n: number): ListKeyAction {
  if (!n) return undefined;
  switch (key) {
    case 'ArrowDown': return { move: Math.min(n - 1, i + 1) };
    case 'ArrowUp': return { move: Math.max(0, i - 1) };
    case 'Home': return { move: 0 };
    case 'End': return { move: n - 1 };
    case 'Enter':
    case ' ': return i >= 0 ? { open: true } : undefined;
    default: return undefined;
  }
}
