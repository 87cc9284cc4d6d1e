import { z } from 'zod';
import type { ExportRequest } from '../../../ipc/contract.ts';
import { exportCsv, type ExportDeps } from '../../export/export-csv.ts';
import type { RoutesFor } from '../register.ts';

const exportSchema = z.object({ kind: z.enum(['balances', 'history']), accountId: z.string().min(1).max(200).optional() }).strict() satisfies z.ZodType<ExportRequest>;

export function exportRoutes(deps: ExportDeps): RoutesFor<'export:csv'> {
  return {
    // Asks first in privacy mode, then a native save dialog; resolves { saved: false } when the user cancels.
    'export:csv': { schema: exportSchema, handle: (request) => exportCsv(deps, request) },
  };
}
