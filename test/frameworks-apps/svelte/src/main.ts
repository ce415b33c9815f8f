import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')!, props: { publicKey: 'pk_test_tote_demo', apiBase: '/v3' } });
