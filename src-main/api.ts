// The one registry of API methods, served by both transports (Electron IPC and HTTP).
// The renderer imports only the types from here.
import { combineMethods, type ApiSignatures } from './core/api/registry';
import { authMethods } from './features/auth/api';
import { permissionMethods } from './features/auth/permissions';
import { officeMethods } from './features/office/api';
import { referenceMethods } from './features/reference/api';
import { userMethods } from './features/users/api';
import { registrationMethods } from './features/registrations/api';
import { permitMethods } from './features/permits/api';
import { programmeApi } from './features/programme/api';
import { orderMethods } from './features/orders/api';
import { reportMethods } from './features/reports/api';
import { jobMethods } from './features/jobs/api';
import { auditMethods } from './features/audit/api';

const featureMethods = combineMethods(
  authMethods,
  officeMethods,
  userMethods,
  referenceMethods,
  registrationMethods,
  permitMethods,
  programmeApi,
  orderMethods,
  reportMethods,
  jobMethods,
  auditMethods,
);

export const methods = combineMethods(featureMethods, permissionMethods(featureMethods));

export type Api = ApiSignatures<typeof methods>;
export type MethodName = keyof Api;
