// Counts table line renders for bench/render-rows.ts. Only a build in Vite mode 'bench' counts; in the
// app's production build the condition is the constant false and the minifier drops the body.
declare global {
  interface Window {
    __krakenRowRenders?: number;
  }
}

export function countRowRender(): void {
  if (import.meta.env.MODE === 'bench') window.__krakenRowRenders = (window.__krakenRowRenders ?? 0) + 1;
}
