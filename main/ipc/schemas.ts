import { z } from 'zod';
import type { InvokeChannel, InvokeRequest } from '../../ipc/contract.ts';

type RequestSchemas = { [C in InvokeChannel]: z.ZodType<InvokeRequest<C>> };

/** Every request payload is parsed against one of these before a handler sees it. */
export const requestSchemas: RequestSchemas = {
  'app:get-info': z.undefined(),
};
