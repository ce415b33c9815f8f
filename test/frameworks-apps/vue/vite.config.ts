import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  // Vue's compiler must leave <tote-*> to the browser rather than look for components of that name.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('tote-') } } })],
  logLevel: 'warn',
});
