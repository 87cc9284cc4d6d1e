import { useEffect, useState } from 'react';
import type { KrakenBridge, UpdateState } from '../../../ipc/contract.ts';

/** Main's update state (main/update/), kept current by its pushes. */
export function useUpdate(bridge: KrakenBridge): UpdateState {
  const [state, setState] = useState<UpdateState>({ status: 'unavailable' });
  useEffect(() => {
    let live = true;
    const stop = bridge.update.onChanged(setState);
    void bridge.update.get().then((result) => {
      if (live && result.ok) setState(result.value);
    });
    return () => {
      live = false;
      stop();
    };
  }, [bridge]);
  return state;
}
