// The carriers' simulated clock (ctx.carrierClock), for demos and tests: parcels move on it.
//   GET  */__sandbox/clock                                     -> {"now":"<ISO>","speed":1}
//   POST */__sandbox/clock {"advanceMinutes"?: n, "speed"?: n} -> {"now","speed"} after the change
// The clock only moves forward (carrier timelines only grow); 400 names the bad field.
import { http, type RequestHandler } from 'msw';
import { z } from '../../../widget/src/model/zod.js';
import type { SandboxContext } from '../context.js';
import { apiError, json, readJson, validate } from './http.js';

/** One year of simulated time per call at most. */
export const MAX_ADVANCE_MINUTES = 366 * 24 * 60;
export const MAX_CLOCK_SPEED = 100_000;

const ClockBody = z.object({
  advanceMinutes: z.optional(z.number('expected a number of minutes').check(z.gte(0, 'must be >= 0 (the clock never goes back)'), z.lte(MAX_ADVANCE_MINUTES, `at most ${MAX_ADVANCE_MINUTES} minutes`))),
  speed: z.optional(z.number('expected a speed factor').check(z.gt(0, 'must be > 0'), z.lte(MAX_CLOCK_SPEED, `at most ${MAX_CLOCK_SPEED}`))),
});

export function clockHandlers(ctx: SandboxContext): RequestHandler[] {
  const view = () => json({ now: ctx.carrierClock.now().toISOString(), speed: ctx.carrierClock.speed }, { headers: { 'Cache-Control': 'no-store' } });
  return [
    http.get('*/__sandbox/clock', view),
    http.post('*/__sandbox/clock', async ({ request }) => {
      const body = await readJson(request);
      if (!body.ok) return apiError(400, 'body', 'expected a JSON object');
      // Unknown fields are an error, not silently ignored: a typo must not look like a clock that refuses to move.
      if (typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value)) {
        const unknown = Object.keys(body.value).find((k) => !(k in ClockBody.shape));
        if (unknown !== undefined) return apiError(400, unknown.slice(0, 40), `unknown field "${unknown.slice(0, 40)}": expected advanceMinutes or speed`);
      }
      const parsed = validate(ClockBody, body.value);
      if (!parsed.ok) return apiError(400, parsed.field, parsed.message);
      const { advanceMinutes, speed } = parsed.data;
      if (speed !== undefined) ctx.carrierClock.setSpeed(speed);
      if (advanceMinutes) ctx.carrierClock.advance(advanceMinutes * 60_000);
      return view();
    }),
  ];
}
