// Test helpers: fetch against the test origin and read JSON without `any`.
import { TEST_ORIGIN } from '../node.js';

export function api(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${TEST_ORIGIN}${path}`, init);
}

export async function getJson<T = Record<string, unknown>>(path: string, init?: RequestInit): Promise<{ status: number; body: T; res: Response }> {
  const res = await api(path, init);
  const body = (await res.json()) as T;
  return { status: res.status, body, res };
}

export interface FeedError {
  error: { field: string; message: string };
}
