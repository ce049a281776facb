import { render } from 'preact';

import './styles.css';
import { App } from './app';
import { locale } from './i18n';
import { registerServiceWorker } from './pwa';

document.documentElement.lang = locale.value;
render(<App />, document.getElementById('app')!);
registerServiceWorker();
