import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { HarnessOptions, useDemoBackend } from '../../__testUtils__/harness';

/**
 * `start` of {@link useDemoBackend} with an actions registry the test can list and invoke
 * (`registry.invoke({ id: 'test:<name>', input, credentials })`), the plugin's own registrations.
 */
export function withRegistry(
  start: ReturnType<typeof useDemoBackend>['start'],
) {
  return async (options: Omit<HarnessOptions, 'config'> = {}) => {
    const registry = actionsRegistryServiceMock();
    const started = await start({
      ...options,
      features: [
        ...(options.features ?? []),
        createServiceFactory({
          service: actionsRegistryServiceRef,
          deps: {},
          factory: () => registry,
        }),
      ],
    });
    return { ...started, registry };
  };
}
