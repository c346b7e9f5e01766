/**
 * The acceptance criteria of spec section 11 that the demo account is built to fail, by criterion
 * id (`provenance`, `regulatedR2Lifecycle`, ... of the suite's acceptance figures), each with the
 * resources that fail it: Worker `acme-edge-router`'s active deployment has no commit SHA (and
 * `acme-renderer`, the Containers area's Worker, is deployed the same way, from the dashboard),
 * Pages `acme-web`'s production deployment is an ad-hoc upload without a CI run link, and the
 * regulated R2 bucket `acme-regulated-exports` has no lifecycle rule (README, "Deliberate posture
 * failures"); and with the demo's example catalog (`examples/entities.yaml`), the production
 * Component `legacy-billing` names no Cloudflare resource, which keeps coverage under 95% on purpose.
 * Every other criterion passes on the demo account. `yarn acceptance` and the tests read this list.
 *
 * @public
 */
export const DEMO_ACCEPTANCE_FAILURES: Readonly<
  Record<string, readonly string[]>
> = {
  provenance: ['acme-edge-router', 'acme-renderer', 'acme-web'],
  regulatedR2Lifecycle: ['acme-regulated-exports'],
  coverage: ['component:default/legacy-billing'],
};
