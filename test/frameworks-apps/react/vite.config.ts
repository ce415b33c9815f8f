import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two pages: index.html renders on the client (createRoot), hydrate.html takes over the server's HTML.
export default defineConfig({
  plugins: [react()],
  logLevel: 'warn',
  build: { rollupOptions: { input: { index: 'index.html', hydrate: 'hydrate.html' } } },
});
