// The demo page (index.html): a configurator beside a live preview, the demo mailbox (sign-in codes
// the reference store sent), the embed snippet it makes, and the resilience lab. Each part is its
// own module; this one only wires them to one state.
import { ConfigState, DEFAULT_CONFIG } from './config.js';
import { mountConfigurator } from './configurator.js';
import { mountLab } from './lab.js';
import { mountMailbox } from './mailbox.js';
import { mountPreview } from './preview.js';
import { mountSnippetPanel } from './snippet-panel.js';

const state = new ConfigState(DEFAULT_CONFIG);
const preview = mountPreview(document.querySelector<HTMLIFrameElement>('#preview')!, state);
mountConfigurator(document.querySelector<HTMLElement>('#configurator')!, state);
mountMailbox(document.querySelector<HTMLElement>('#mailbox-body')!, state);
mountSnippetPanel(document.querySelector<HTMLElement>('#snippet')!, state);
mountLab(document.querySelector<HTMLElement>('#lab-body')!, preview);

// For tests and the curious: the page's state, on the page's own window only.
Object.assign(window, { toteDemo: { state, preview } });
