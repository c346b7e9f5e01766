import { z } from 'zod';
import { auditLogSchema, AuditLogEntry } from './auditLogs';
import {
  DeploymentConfig,
  PagesProject,
  deploymentConfigSchema,
  pagesProjectSchema,
} from './pagesSchemas';
import {
  ApiToken,
  TokenVerification,
  apiTokenSchema,
  tokenVerificationSchema,
} from './tokens';
import {
  cloudflareWorkerDeploymentSchema,
  workerScriptSchema,
  workerSettingsSchema,
  workerVersionSchema,
  workersBuildSchema,
} from './workers/schemas';
import {
  CloudflareWorkerDeployment,
  WorkerScript,
  WorkerSettings,
  WorkerVersion,
  WorkersBuild,
} from './workers/types';
import {
  accessApplicationSchema,
  accessPolicySchema,
  accessRequestSchema,
  identityProviderSchema,
} from './zeroTrustSchemas';
import {
  AccessApplication,
  AccessPolicy,
  AccessRequest,
  IdentityProvider,
} from './zeroTrustTypes';

/** True only when A and B are the same type (not merely assignable either way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B
  ? 1
  : 2
  ? true
  : false;

/** The fields a schema parses; the rest of a type the client adds itself. */
type Parsed<S extends z.ZodType> = z.output<S>;

// The public types are declared, not inferred, so the API report states them; these lines fail
// `yarn tsc` when a declared type and its (internal) schema drift apart.
const declaredAsParsed: true[] = [
  true satisfies Same<WorkerScript, Parsed<typeof workerScriptSchema>>,
  true satisfies Same<
    Omit<WorkerSettings, 'scriptName' | 'bindings' | 'redactions'>,
    Omit<Parsed<typeof workerSettingsSchema>, 'bindings'>
  >,
  true satisfies Same<WorkerVersion, Parsed<typeof workerVersionSchema>>,
  true satisfies Same<
    CloudflareWorkerDeployment,
    Parsed<typeof cloudflareWorkerDeploymentSchema>
  >,
  true satisfies Same<WorkersBuild, Parsed<typeof workersBuildSchema>>,
  true satisfies Same<
    Omit<DeploymentConfig, 'env_vars'>,
    Omit<NonNullable<Parsed<typeof deploymentConfigSchema>>, 'env_vars'>
  >,
  true satisfies Same<
    Omit<
      PagesProject,
      | 'deployment_configs'
      | 'latest_deployment'
      | 'canonical_deployment'
      | 'redactions'
    >,
    Omit<
      Parsed<typeof pagesProjectSchema>,
      'deployment_configs' | 'latest_deployment' | 'canonical_deployment'
    >
  >,
  true satisfies Same<
    Omit<AccessApplication, 'redactions'>,
    Parsed<typeof accessApplicationSchema>
  >,
  true satisfies Same<
    Omit<AccessPolicy, 'redactions'>,
    Parsed<typeof accessPolicySchema>
  >,
  true satisfies Same<
    Omit<IdentityProvider, 'redactions'>,
    Parsed<typeof identityProviderSchema>
  >,
  true satisfies Same<AccessRequest, Parsed<typeof accessRequestSchema>>,
  true satisfies Same<
    Omit<ApiToken, 'scope' | 'redactions'>,
    Parsed<typeof apiTokenSchema>
  >,
  true satisfies Same<
    TokenVerification,
    Parsed<typeof tokenVerificationSchema>
  >,
  true satisfies Same<AuditLogEntry, Parsed<typeof auditLogSchema>>,
];

describe('declared client types', () => {
  it('are exactly what their schemas parse to (checked by tsc)', () => {
    expect(declaredAsParsed).toHaveLength(14);
  });
});
