// GET /api/audit?actor=&subjectType=&subjectId=&action=&from=&to=&limit=&before= — newest first.
// There is no POST/PATCH/DELETE: entries are written by the use-cases that make changes, and
// the database refuses to change or delete them.
import { principalFromRequest } from '@/server/auth/principal';
import { queryObject } from '@/server/http/query';
import { json, route } from '@/server/http/respond';
import { listAuditEntries } from '@/server/use-cases/query-audit';

export const GET = route(async (request) => json(await listAuditEntries(await principalFromRequest(request), queryObject(request))));
