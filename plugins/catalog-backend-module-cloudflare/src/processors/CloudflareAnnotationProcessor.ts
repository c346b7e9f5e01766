import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CLOUDFLARE_ACCOUNT_ID,
  CLOUDFLARE_AREAS,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { cloudflareEntityName } from '@cloudflare-backstage/plugin-cloudflare-common';
import { readProviderConfigs } from '../providers/CloudflareEntityProviderConfig';

/**
 * Options of {@link CloudflareAnnotationProcessor}.
 *
 * @public
 */
export interface CloudflareAnnotationProcessorOptions {
  /**
   * The configured accounts, in configuration order: provider id and account id. With more than
   * one, entity names carry an account hash; the Component's `cloudflare.com/account-id`
   * annotation (an account id or a provider id) picks the account, the first one by default.
   */
  accounts?: Array<{ id: string; accountId: string }>;
}

/**
 * Relates Components to the Cloudflare `Resource` entities they use.
 *
 * A Component annotated `cloudflare.com/<area>: <name>[, <name>...]` (the annotations of the
 * product-area registry, e.g. `cloudflare.com/worker: acme-api`) gets a `dependsOn` relation to
 * each `resource:default/cf-<prefix>-<name>`, and each Resource the reverse `dependencyOf`.
 *
 * Resource entities made by the provider carry their own links (a Worker's bindings) in
 * `spec.dependsOn`; the catalog's built-in processor already turns those into relations, so this
 * processor emits nothing for them.
 *
 * @public
 */
export class CloudflareAnnotationProcessor implements CatalogProcessor {
  private readonly accounts: Array<{ id: string; accountId: string }>;

  /** Builds the processor with the accounts configured for the entity provider. */
  static fromConfig(config: Config): CloudflareAnnotationProcessor {
    return new CloudflareAnnotationProcessor({
      accounts: readProviderConfigs(config).map(c => ({
        id: c.id,
        accountId: c.accountId,
      })),
    });
  }

  constructor(options: CloudflareAnnotationProcessorOptions = {}) {
    this.accounts = options.accounts ?? [];
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#CatalogProcessor.getProcessorName} */
  getProcessorName(): string {
    return 'CloudflareAnnotationProcessor';
  }

  /** {@inheritdoc @backstage/plugin-catalog-node#CatalogProcessor.postProcessEntity} */
  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (entity.kind.toLocaleLowerCase('en-US') !== 'component') {
      return entity;
    }
    const annotations = entity.metadata.annotations ?? {};
    const accountId = this.accountFor(
      annotations[ANNOTATION_CLOUDFLARE_ACCOUNT_ID],
    );
    const self = getCompoundEntityRef(entity);
    const seen = new Set<string>();
    for (const area of CLOUDFLARE_AREAS) {
      if (!area.annotation) continue;
      const value = annotations[area.annotation];
      if (!value) continue;
      for (const resourceName of splitNames(value)) {
        const name = cloudflareEntityName(area.id, resourceName, accountId);
        if (seen.has(name)) continue;
        seen.add(name);
        const target = { kind: 'resource', namespace: 'default', name };
        emit(
          processingResult.relation({
            source: self,
            type: RELATION_DEPENDS_ON,
            target,
          }),
        );
        emit(
          processingResult.relation({
            source: target,
            type: RELATION_DEPENDENCY_OF,
            target: self,
          }),
        );
      }
    }
    return entity;
  }

  /** The account id that enters entity names: only when more than one account is configured. */
  private accountFor(annotation: string | undefined): string | undefined {
    if (this.accounts.length <= 1) return undefined;
    const wanted = annotation?.trim();
    const match = wanted
      ? this.accounts.find(a => a.accountId === wanted || a.id === wanted)
      : undefined;
    return (match ?? this.accounts[0]).accountId;
  }
}

/** Splits a comma-separated annotation value into trimmed, non-empty names. */
function splitNames(value: string): string[] {
  return value
    .split(',')
    .map(v => v.trim())
    .filter(v => v.length > 0);
}
