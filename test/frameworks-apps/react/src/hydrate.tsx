// The app taken over from the server's HTML (the page scripts/check-frameworks.mjs serves holds
// what server.tsx rendered), as a Next.js page or a Vite SSR app starts in the browser.
import { hydrateRoot } from 'react-dom/client';
import { App } from './App.js';

hydrateRoot(document.getElementById('root')!, <App publicKey="pk_test_tote_demo" apiBase="/v3" />);
