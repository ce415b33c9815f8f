// Server rendering, as a Next.js page or a Vite SSR entry does it: the same App, in Node, no DOM.
import { renderToString } from 'react-dom/server';
import { App } from './App.js';

export const render = (): string => renderToString(<App publicKey="pk_test_tote_demo" apiBase="/v3" />);
