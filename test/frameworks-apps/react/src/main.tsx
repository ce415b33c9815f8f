import { createRoot } from 'react-dom/client';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(<App publicKey="pk_test_tote_demo" apiBase="/v3" />);
