import { createApp } from 'vue';
import App from './App.vue';

createApp(App, { publicKey: 'pk_test_tote_demo', apiBase: '/v3' }).mount('#app');
