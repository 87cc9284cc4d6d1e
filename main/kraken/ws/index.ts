// Public entry of the Kraken WebSocket v2 layer: plain Node, no Electron. See connection.ts for the states.
// It lives under kraken/ because it is Kraken's protocol (message shapes, tokens, symbols, sequence rules);
// what the app does with it per account (coalesced REST refreshes, the "Live" header, polling intervals)
// belongs to the app's own wiring, which depends on this layer and not the other way round.
export { createStreamConnection } from './connection.ts';
export {
  DEFAULT_STREAM_TUNING,
  StreamPermissionDenied,
  UNREACHABLE_MESSAGE,
} from './types.ts';
export type {
  ChannelLink,
  PollingReason,
  ResyncReason,
  StreamChannel,
  StreamClock,
  StreamConnection,
  StreamConnectionOptions,
  StreamProblem,
  StreamStats,
  StreamStatus,
  StreamTuning,
} from './types.ts';
export { attachBalancesChannel } from './balances-channel.ts';
export type { BalancesChannel, BalancesChannelOptions, BalancesSignal } from './balances-channel.ts';
export { attachTickerChannel } from './ticker-channel.ts';
export type { TickerChannel, TickerChannelOptions, TickerPrice } from './ticker-channel.ts';
export { tickerSymbolsFor, v2SymbolFromWsname } from './symbols.ts';
export type { TickerSymbolMap } from './symbols.ts';
export { tokenSourceFor, WEBSOCKET_PERMISSION_MESSAGE } from './token-source.ts';
export { createWebSocketFactory } from './socket.ts';
export type { SocketFactory, SocketHandlers, StreamSocket, WebSocketConstructor } from './socket.ts';
export { streamUrlsFor, KRAKEN_WS_PRIVATE_URL, KRAKEN_WS_PUBLIC_URL } from './urls.ts';
export type { StreamUrls } from './urls.ts';
export { hasJsonSourceAccess, jsonNumberToDecimal } from './exact-json.ts';
