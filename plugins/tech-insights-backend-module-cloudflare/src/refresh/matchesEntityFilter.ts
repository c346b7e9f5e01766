import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import type { EntityFilter } from '../common';

type FilterValue = string | symbol | (string | symbol)[];

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/**
 * The values at a filter key of an entity: `metadata.annotations.<key>` and `metadata.labels.<key>`
 * take the rest of the key whole (annotation keys hold dots: `cloudflare.com/worker`); other keys
 * are dotted paths (`kind`, `spec.type`, `spec.lifecycle`, `metadata.name`).
 */
function valuesAt(entity: Entity, key: string): unknown[] {
  for (const map of ['annotations', 'labels'] as const) {
    const prefix = `metadata.${map}.`;
    if (key.startsWith(prefix)) {
      const value = entity.metadata[map]?.[key.slice(prefix.length)];
      return value === undefined ? [] : [value];
    }
  }
  let current: unknown = entity;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object') return [];
    current = (current as Record<string, unknown>)[part];
  }
  if (current === undefined || current === null) return [];
  return Array.isArray(current) ? current : [current];
}

function matchesValue(values: unknown[], wanted: FilterValue): boolean {
  const options = Array.isArray(wanted) ? wanted : [wanted];
  return options.some(option => {
    if (option === CATALOG_FILTER_EXISTS) return values.length > 0;
    if (typeof option !== 'string') return false;
    return values.some(
      v => typeof v === 'string' && lower(v) === lower(option),
    );
  });
}

/**
 * Whether an entity matches a fact retriever's `entityFilter`, as the catalog would answer the
 * same filter: an array of filters matches when any does, a filter when all its keys do; a key
 * matches when the entity's value equals (without case) one of the wanted values, or exists for
 * `CATALOG_FILTER_EXISTS`. Covers the shapes the suite's retrievers use: `kind`, `spec.type`,
 * `spec.lifecycle`, `metadata.name` and `metadata.annotations.<key>`.
 */
export function matchesEntityFilter(
  entity: Entity,
  filter: EntityFilter,
): boolean {
  const filters = Array.isArray(filter) ? filter : [filter];
  return filters.some(f =>
    Object.entries(f as Record<string, FilterValue>).every(([key, wanted]) =>
      matchesValue(valuesAt(entity, key), wanted),
    ),
  );
}
