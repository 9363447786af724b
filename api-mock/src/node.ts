// The sandbox for unit tests: the same handlers behind msw's setupServer.
import { setupServer, type SetupServer } from 'msw/node';
import { createSandboxContext, type SandboxContext, type SandboxContextOptions } from './context.js';
import { createHandlers } from './handlers/index.js';

/** Any origin works (the handlers match "*\/api/..."); tests use this one by convention. */
export const TEST_ORIGIN = 'http://sandbox.test';

export interface TestSandbox {
  server: SetupServer;
  context: SandboxContext;
}

/** Call server.listen() in beforeAll and server.close() in afterAll. */
export function createTestSandbox(options: SandboxContextOptions): TestSandbox {
  const context = createSandboxContext(options);
  return { server: setupServer(...createHandlers(context)), context };
}
