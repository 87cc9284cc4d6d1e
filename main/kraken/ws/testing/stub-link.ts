import { readFrame, type ChannelMessage } from '../protocol.ts';
import type { ChannelLink, ResyncReason, StreamChannel, StreamProblem } from '../types.ts';

/** A connection stand-in that records what a channel asks of it, for testing one channel alone. */
export interface StubConnection {
  attach(channel: StreamChannel): ChannelLink;
  channel(): StreamChannel;
  /** Whether request() finds an open connection. */
  connected: boolean;
  readonly requests: Array<{ method: string; params: Readonly<Record<string, unknown>>; reqId: number }>;
  readonly resyncs: ResyncReason[];
  readonly failures: StreamProblem[];
  readyCount: number;
  malformedCount: number;
  /** Feeds a raw frame (text, as Kraken writes it) to the channel through the real frame reader. */
  deliver(text: string): void;
}

export function createStubConnection(): StubConnection {
  let attached: StreamChannel | null = null;
  let nextReqId = 1;
  const stub: StubConnection = {
    connected: true,
    requests: [],
    resyncs: [],
    failures: [],
    readyCount: 0,
    malformedCount: 0,
    attach(channel) {
      attached = channel;
      return {
        request: (method, params) => {
          if (!stub.connected) return null;
          const reqId = nextReqId++;
          stub.requests.push({ method, params, reqId });
          return reqId;
        },
        ready: () => {
          stub.readyCount += 1;
        },
        resync: (reason) => {
          stub.resyncs.push(reason);
        },
        malformed: () => {
          stub.malformedCount += 1;
        },
        fail: (problem) => {
          stub.failures.push(problem);
        },
      };
    },
    channel() {
      if (attached === null) throw new Error('no channel attached');
      return attached;
    },
    deliver(text) {
      const frame = readFrame(text);
      if (frame === null) throw new Error(`unreadable frame: ${text}`);
      if (frame.kind === 'ack') stub.channel().onAck(frame);
      else stub.channel().onMessage(frame as ChannelMessage);
    },
  };
  return stub;
}
