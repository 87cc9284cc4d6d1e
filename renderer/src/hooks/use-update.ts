import { useEffect, useState } from 'react';
import type { KrakenBridge, UpdateState } from '../../../ipc/contract.ts';

const UNAVAILABLE: UpdateState = { status: 'unavailable' };

function sameUpdateState(a: UpdateState, b: UpdateState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Main's update state (main/update/), kept current by its pushes. */
export function useUpdate(bridge: KrakenBridge): UpdateState {
  const [state, setState] = useState<UpdateState>(UNAVAILABLE);
  useEffect(() => {
    let live = true;
    // An answer equal to the state held keeps it: the whole window renders again for a new object, and main's
    // first answer is often the state the window starts from (unpackaged, or no update yet), just after the
    // first frame.
    const keep = (next: UpdateState) => setState((current) => (sameUpdateState(current, next) ? current : next));
    const stop = bridge.update.onChanged(keep);
    void bridge.update.get().then((result) => {
      if (live && result.ok) keep(result.value);
    });
    return () => {
      live = false;
      stop();
    };
  }, [bridge]);
  return state;
}
