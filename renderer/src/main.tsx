import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api';

function App() {
  return <h1>Pool Playground</h1>;
}

// Keep the access token out of the address bar (it is in a cookie now): screens get projected.
if (window.location.search.includes('token='))
  window.history.replaceState(null, '', window.location.pathname);
void getApi();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
