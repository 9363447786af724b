// Configure zod before any schema exists: jitless keeps zod from compiling validators
// with `new Function`, which a strict Content-Security-Policy (no 'unsafe-eval') forbids.
// zod/mini keeps the script-tag bundle small (no method chains, no bundled locales).
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
