// `npm run build:demo`: the demo site (index.html, the live preview and the two showcase pages)
// as a static build in dist-demo/. `vite preview --config vite.demo.config.ts` serves it with the
// reference store mounted at /v3 and /__control, as `npm start` does.
import { resolve } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.js';

const root = import.meta.dirname;

export default mergeConfig(
  { ...base, build: {} },
  defineConfig({
    build: {
      outDir: 'dist-demo',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: {
        input: {
          index: resolve(root, 'index.html'),
          preview: resolve(root, 'demo/preview.html'),
          catalog: resolve(root, 'demo/catalog.html'),
          cart: resolve(root, 'demo/cart.html'),
        },
      },
    },
  }),
);
