import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { appDataStore } from './app-data-store.ts';
import { windowBridge } from './bridge.ts';
import './styles.css';

performance.mark('kraken:start');
const bridge = windowBridge();
// Ask main for the settings, accounts and balances now, so they arrive while React starts rather than
// after its first render.
appDataStore(bridge);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App bridge={bridge} />
  </StrictMode>,
);
