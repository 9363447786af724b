// RFC 9457 problem details: every order API error is application/problem+json and names the field.
import { HttpResponse } from 'msw';
import type { Problem } from '../../../widget/src/model/order.js';
import { CORS_HEADERS } from '../handlers/http.js';

export const PROBLEM_BASE = 'https://branch-picker.dev/problems/';

export const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict', 413: 'Payload too large',
  415: 'Unsupported media type', 422: 'Unprocessable content', 500: 'Internal server error', 503: 'Service unavailable',
};

export function problemBody(status: number, code: string, detail: string, extra: { field?: string; quote?: Problem['quote'] } = {}): Problem {
  return {
    type: `${PROBLEM_BASE}${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...(extra.field !== undefined ? { field: extra.field } : {}),
    ...(extra.quote !== undefined ? { quote: extra.quote } : {}),
  };
}

export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new HttpResponse(JSON.stringify(body), {
    status: body.status,
    headers: { ...CORS_HEADERS, 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...headers },
  });
}

export function problem(status: number, code: string, detail: string, extra: { field?: string; quote?: Problem['quote'] } = {}, headers: Record<string, string> = {}): Response {
  return problemResponse(problemBody(status, code, detail, extra), headers);
}
