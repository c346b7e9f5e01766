import { Entity } from '@backstage/catalog-model';
import {
  CloudflareRouteContract,
  CloudflareRouteItem,
  CloudflareRouteParams,
  CloudflareRouteQuery,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import { ReactNode } from 'react';

/**
 * One column of a Cloudflare card: a header and how a row of the route's wire type renders.
 *
 * @public
 */
export interface CloudflareCardColumn<T> {
  /** Column header. */
  title: string;
  /** The cell of one item (the route's wire type, exactly as the backend sent it). */
  render(item: T): ReactNode;
}

/**
 * The card of one product area: which route it reads, how an entity names what to read, and how
 * the route's items render. One generic card renders every descriptor, with the loading, empty,
 * denied (403), not-found (404), error, masked and stale states; descriptors hold no state logic.
 *
 * @public
 */
export interface CloudflareCardDescriptor<
  R extends CloudflareRouteContract = CloudflareRouteContract,
> {
  /** The route contract the card reads (`workersRoutes.deployments`, ...); its `area` gives the permission and annotation. */
  route: R;
  /** Card title, e.g. `Workers deployments`. */
  title: string;
  /**
   * The route's parameters from one resource name of the area: a value of the Component's
   * `cloudflare.com/<area>` annotation (one card per comma-separated name) or the Cloudflare name
   * of the area's `Resource` entity. `resource` is that name's `Resource` entity as the catalog
   * holds it (the generic card fetches it), for routes that take what only the catalog knows, such
   * as a KV namespace's id when Components annotate its title; undefined while it is not in the
   * catalog. Return undefined when the parameters cannot be built without it: the card then says
   * the resource is not in the catalog yet. Absent for account-wide routes: such a card shows on
   * the posture page and on the area's `Resource` entity, not on Components.
   */
  params?(
    name: string,
    resource?: Entity,
  ): CloudflareRouteParams<R> | undefined;
  /**
   * The route's query for the same name and `Resource` entity, for routes that read a resource in
   * a scope the name alone does not carry (an AI Search instance's namespace). Absent: no query.
   */
  query?(name: string, resource?: Entity): CloudflareRouteQuery<R> | undefined;
  /**
   * The rows of one name, for a card over an account-wide list whose `params` take no parameter
   * (Analytics Engine datasets: Cloudflare reads them all at once): the generic card shows these
   * items only. Absent: every item of the read.
   */
  rows?(
    items: CloudflareRouteItem<R>[],
    name: string,
  ): CloudflareRouteItem<R>[];
  /** The table's columns over the route's wire type. */
  columns: ReadonlyArray<CloudflareCardColumn<CloudflareRouteItem<R>>>;
  /** Stable key of a row. */
  rowKey(item: CloudflareRouteItem<R>): string;
  /** What the empty state says, and what to do about it. */
  empty: { title: string; description: string };
  /**
   * A line above the table, from the items and the resource's `Resource` entity (e.g. how many
   * deployments lack provenance, or a namespace's approximate key count).
   */
  summary?(
    items: CloudflareRouteItem<R>[],
    resource?: Entity,
  ): string | undefined;
}

/**
 * Declares a card descriptor, typing its columns by the route's wire type.
 *
 * @public
 */
export function defineCloudflareCard<R extends CloudflareRouteContract>(
  card: CloudflareCardDescriptor<R>,
): CloudflareCardDescriptor<R> {
  return card;
}
