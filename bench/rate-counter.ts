import type { RecordedCall } from '../e2e/fake-kraken/index.ts';

/**
 * The fake's own rate counter for one key, replayed exactly from its call log: +1 per admitted private
 * call, decaying continuously. (Calls it refused for the rate limit, or that an injected fault answered,
 * add nothing.) Returns its peak.
 */
export function peakCounter(calls: readonly RecordedCall[], apiKey: string, start: number, decayPerSecond: number): number {
  let value = 0;
  let last = start;
  let peak = 0;
  for (const call of calls) {
    if (call.apiKey !== apiKey || !call.path.startsWith('/0/private/') || !call.verified || call.fault !== null) continue;
    if (call.errors.includes('EAPI:Invalid nonce') || call.errors.includes('EAPI:Rate limit exceeded')) continue;
    value = Math.max(0, value - ((call.at - last) / 1000) * decayPerSecond);
    last = call.at;
    value += 1;
    peak = Math.max(peak, value);
  }
  return peak;
}
