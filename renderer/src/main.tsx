/** Entry point: Monaco's bundled setup, start-up, and the app (with a plain loading screen meanwhile). */
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { boot } from './app/boot';
import { setupMonaco } from './editor/monaco-setup';
import './theme/tokens.css';
import './theme/app.css';
import './theme/pages.css';
import './theme/history.css';
import './theme/measurements.css';
import './theme/lessons.css';

// Keep the access token out of the address bar (it is in a cookie now): screens get projected.
if (window.location.search.includes('token='))
  window.history.replaceState(null, '', window.location.pathname);

setupMonaco();
const started = boot();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={<div className="loading-screen">Starting Pool Playground…</div>}>
      <App started={started} />
    </Suspense>
  </StrictMode>,
);
