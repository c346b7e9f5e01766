import type { DemoRoute } from '../route';

/** Routes of the auditLogs area. */
export const auditLogsRoutes: DemoRoute[] = [];
