// Mounts the reference store (demo/reference-store) at /v3 inside web-test-runner's dev server, so browser
// tests reach a real implementation of the API contract on the same origin.
// Runs under `node --import tsx` (scripts/test.mjs starts wtr that way) so the TypeScript imports.
import { existsSync } from 'node:fs';

export async function referenceStoreMiddleware() {
  if (!existsSync(new URL('../demo/reference-store/index.ts', import.meta.url))) {
    console.warn('[tote] demo/reference-store/index.ts not found: browser tests run without the reference store');
    return (_ctx, next) => next();
  }
  const { createReferenceStore } = await import('../demo/reference-store/index.ts');
  const store = createReferenceStore({
    rateWindowMs: Number(process.env.TOTE_RATE_WINDOW_MS ?? 60_000),
    control: true,
    seed: Number(process.env.TOTE_SEED ?? 1),
  });
  return async (ctx, next) => {
    if (
      ctx.path === '/v3' ||
      ctx.path.startsWith('/v3/') ||
      ctx.path === '/__control' ||
      ctx.path.startsWith('/__control/')
    ) {
      ctx.respond = false; // hand the raw Node request/response to the store
      await new Promise((resolve) => {
        ctx.res.once('finish', resolve);
        ctx.res.once('close', resolve);
        store.handle(ctx.req, ctx.res);
      });
      return;
    }
    await next();
  };
}
