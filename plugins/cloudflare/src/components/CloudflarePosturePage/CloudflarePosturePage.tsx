import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import Grid from '@material-ui/core/Grid';
import { useMemo } from 'react';
import { CLOUDFLARE_CARDS } from '../../cards';
import { CloudflareCard } from '../CloudflareCard';
import { PostureHistory } from '../PostureHistory';
import { accountOfEntity } from '../shared/account';
import { AccountPicker, usePostureAccount } from './AccountPicker';
import { AcceptanceSection } from './AcceptanceSection';
import { CoverageSection } from './CoverageSection';
import { EvidenceSection } from './EvidenceSection';
import { InventorySection } from './InventorySection';
import { provenanceScopeOf } from './provenanceScope';
import { ScorecardBarsSection } from './ScorecardBarsSection';
import { ScorecardsSection } from './ScorecardsSection';
import { PostureCatalog, usePostureCatalog } from './usePostureCatalog';
import { useScorecardResults } from './useScorecardResults';

/** Cards of account-wide reads (no resource names): they belong on the posture page. */
const ACCOUNT_CARDS = Object.values(CLOUDFLARE_CARDS).filter(c => !c.params);

/**
 * What the catalog gives the page, top down: the inventory, the scorecards' pass rates and the
 * coverage, the acceptance figures, then the checks in detail (one bulk run feeds bars and details).
 */
function CatalogSections(props: {
  catalog: PostureCatalog;
  /** The picked account's Resources (all of them with one account). */
  accountResources: Entity[];
  /** The picked account, with several. */
  account?: string;
}) {
  const { components, resources, entityRefs, counts } = props.catalog;
  const { account } = props;
  const checks = useScorecardResults(entityRefs, counts);
  return (
    <>
      <Grid item xs={12}>
        <InventorySection resources={props.accountResources} />
      </Grid>
      <Grid item xs={12} lg={7}>
        <ScorecardBarsSection checks={checks} />
      </Grid>
      <Grid item xs={12} lg={5}>
        <CoverageSection components={components} resources={resources} />
      </Grid>
      <Grid item xs={12}>
        <PostureHistory />
      </Grid>
      <Grid item xs={12}>
        <AcceptanceSection account={account} />
      </Grid>
      <Grid item xs={12}>
        <ScorecardsSection
          hasEntities={entityRefs.length > 0}
          checks={checks}
        />
      </Grid>
    </>
  );
}

/**
 * The posture page's content without the page header (the new frontend system adds its own). With
 * Resources of several accounts in the catalog, an account picker (`?account=`) scopes the
 * inventory, acceptance, the evidence exports and the account-wide cards; with one, nothing changes.
 *
 * @public
 */
export function CloudflarePostureContent() {
  const catalog = usePostureCatalog();
  const accounts = catalog.value?.accounts ?? [];
  const { account, setAccount } = usePostureAccount(accounts);
  const accountResources = useMemo(() => {
    const resources = catalog.value?.resources ?? [];
    return account
      ? resources.filter(r => accountOfEntity(r) === account)
      : resources;
  }, [catalog.value, account]);
  const provenanceScope = useMemo(
    () => provenanceScopeOf(catalog.value?.components ?? [], accountResources),
    [catalog.value, accountResources],
  );

  if (catalog.loading) return <Progress />;
  return (
    <Grid container spacing={3}>
      {account && (
        <Grid item xs={12}>
          <AccountPicker
            accounts={accounts}
            account={account}
            onChange={setAccount}
          />
        </Grid>
      )}
      {catalog.error && (
        <>
          <Grid item xs={12}>
            <ResponseErrorPanel
              error={catalog.error}
              title={`Could not read the catalog: ${catalog.error.message}`}
            />
          </Grid>
          <Grid item xs={12}>
            <AcceptanceSection account={account} />
          </Grid>
        </>
      )}
      {catalog.value && (
        <CatalogSections
          catalog={catalog.value}
          accountResources={accountResources}
          account={account}
        />
      )}
      <Grid item xs={12}>
        <EvidenceSection provenanceScope={provenanceScope} account={account} />
      </Grid>
      {ACCOUNT_CARDS.map(card => (
        <Grid item xs={12} key={`${card.route.id}:${account ?? ''}`}>
          <CloudflareCard card={card} account={account} />
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * The Cloudflare posture page: the inventory, SOC 2 scorecards, catalog coverage, the spec's
 * acceptance figures and evidence snapshots.
 *
 * @public
 */
export function CloudflarePosturePage() {
  return (
    <Page themeId="tool">
      <Header
        title="Cloudflare posture"
        subtitle="Inventory, SOC 2 scorecards, catalog coverage, acceptance and evidence"
      />
      <Content>
        <ContentHeader title="Posture" />
        <CloudflarePostureContent />
      </Content>
    </Page>
  );
}
