import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { windowBridge } from './bridge.ts';
import './styles.css';

performance.mark('kraken:start');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App bridge={windowBridge()} />
  </StrictMode>,
);
