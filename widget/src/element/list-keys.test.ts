import { describe, expect, it } from 'vitest';
import { listKeyAction } from './list-keys.js';

describe('listKeyAction', () => {
  it('moves within the rows and stops at both ends', () => {
    expect(listKeyAction('ArrowDown', -1, 3)).toEqual({ move: 0 });
    expect(listKeyAction('ArrowDown', 2, 3)).toEqual({ move: 2 });
    expect(listKeyAction('ArrowUp', 0, 3)).toEqual({ move: 0 });
    expect(listKeyAction('ArrowUp', 2, 3)).toEqual({ move: 1 });
    expect(listKeyAction('Home', 2, 3)).toEqual({ move: 0 });
    expect(listKeyAction('End', 0, 3)).toEqual({ move: 2 });
  });
  it('opens only a highlighted row, and ignores other keys and an empty list', () => {
    expect(listKeyAction('Enter', 1, 3)).toEqual({ open: true });
    expect(listKeyAction(' ', 1, 3)).toEqual({ open: true });
    expect(listKeyAction('Enter', -1, 3)).toBeUndefined();
    expect(listKeyAction('a', 1, 3)).toBeUndefined();
    expect(listKeyAction('ArrowDown', -1, 0)).toBeUndefined();
  });
});
