// One handler set for the Node server, the browser worker and unit tests.
import { http, type RequestHandler } from 'msw';
import type { SandboxContext } from '../context.js';
import { configHandlers } from './configs.js';
import { SANDBOX_URL, faultHandlers } from './faults.js';
import { feedHandlers } from './feed.js';
import { apiError } from './http.js';
import { novaPoshtaHandlers } from './nova-poshta/index.js';
import { novaPoshtaDocumentAdminHandlers } from './nova-poshta/documents.js';
import { russianPostHandlers } from './russian-post/postoffice.js';
import { otpravkaHandlers } from './russian-post/otpravka.js';
import { clockHandlers } from './clock.js';
import { russianPostTariffHandlersFor } from './russian-post/tariff.js';
import { openFeedQuoteHandlers } from './quote.js';

/** The real routes, without the fault layer in front. Tariff and order routes are added here. */
export function createRouteHandlers(ctx: SandboxContext): RequestHandler[] {
  return [
    ...feedHandlers(ctx),
    ...configHandlers(ctx),
    ...russianPostHandlers(ctx),
    ...russianPostTariffHandlersFor(ctx),
    ...openFeedQuoteHandlers(ctx),
    ...novaPoshtaHandlers(ctx),
    ...novaPoshtaDocumentAdminHandlers(ctx),
    ...otpravkaHandlers(ctx),
    ...clockHandlers(ctx),
  ];
}

/** `serverRoutes` (the Node server's order API and owned configs) come first and shadow the in-memory routes. */
export function createHandlers(ctx: SandboxContext, serverRoutes: readonly RequestHandler[] = []): RequestHandler[] {
  const routes = [...serverRoutes, ...createRouteHandlers(ctx)];
  return [
    ...faultHandlers(ctx, () => routes),
    ...routes,
    // Last: any other sandbox URL is a JSON 404, never an HTML page or a passthrough.
    http.all(SANDBOX_URL, ({ request }) => apiError(404, 'path', `no sandbox route for ${request.method} ${new URL(request.url).pathname}`)),
  ];
}
