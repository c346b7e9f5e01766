import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Link,
  Page,
} from '@backstage/core-components';
import {
  CLOUDFLARE_REMEDIATIONS,
  CLOUDFLARE_SCORECARDS,
  CLOUDFLARE_SOC2_CRITERIA,
  CloudflareScorecardCheck,
  cloudflareRunbookPath,
} from '@cloudflare-backstage/plugin-cloudflare-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

const useStyles = makeStyles(theme => ({
  check: {
    scrollMarginTop: theme.spacing(10),
    padding: theme.spacing(1, 2),
    marginBottom: theme.spacing(1),
    borderLeft: '4px solid transparent',
  },
  targeted: {
    borderLeftColor: theme.palette.primary.main,
    backgroundColor: theme.palette.action.selected,
  },
}));

/** One check: its id as the DOM id, criterion, why, setting and steps. */
function CheckRemediation(props: {
  check: CloudflareScorecardCheck;
  targeted: boolean;
}) {
  const { id, criterion } = props.check;
  const r = CLOUDFLARE_REMEDIATIONS[id];
  const classes = useStyles();
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className={
        props.targeted ? `${classes.check} ${classes.targeted}` : classes.check
      }
    >
      <Typography variant="h6" component="h3" id={`${id}-title`}>
        {id}
      </Typography>
      <Typography variant="subtitle2" color="textSecondary">
        {criterion} {CLOUDFLARE_SOC2_CRITERIA[criterion]}
      </Typography>
      <Typography variant="body2" paragraph>
        {r.why}
      </Typography>
      <Typography variant="body2" paragraph>
        <strong>Setting:</strong> {r.setting}
      </Typography>
      <Typography variant="body2" component="ol" style={{ marginTop: 0 }}>
        {r.steps.map(step => (
          <li key={step}>{step}</li>
        ))}
      </Typography>
      <Typography variant="body2">
        <Link to={cloudflareRunbookPath(id)}>Runbook in TechDocs</Link>
      </Typography>
    </section>
  );
}

/**
 * The remediation page's content without the page header (the new frontend system adds its own):
 * the six scorecards of the SOC 2 pack, each check with its id as the DOM id, its criterion, why it
 * matters, the Cloudflare setting and the steps. Scrolls to the check named by the URL's hash.
 *
 * @public
 */
export function CloudflareRemediationContent() {
  const { hash } = useLocation();
  const target = decodeURIComponent(hash.replace(/^#/, ''));
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.scrollIntoView?.({ block: 'start' });
  }, [target]);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="body1">
          What to change in Cloudflare, or in the catalog, to make each check of
          the SOC 2 pack pass. Once changed, press Refresh on the entity's
          scorecards card to re-run its checks.
        </Typography>
      </Grid>
      {CLOUDFLARE_SCORECARDS.map(scorecard => (
        <Grid item xs={12} key={scorecard.id}>
          <InfoCard title={scorecard.title} subheader={scorecard.summary}>
            {scorecard.checks.map(check => (
              <CheckRemediation
                key={check.id}
                check={check}
                targeted={check.id === target}
              />
            ))}
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * The remediation page with its header, for apps on the legacy frontend system.
 *
 * @public
 */
export function CloudflareRemediationPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Cloudflare SOC 2 remediation"
        subtitle="What to change for each check of the scorecards"
      />
      <Content>
        <ContentHeader title="Remediation" />
        <CloudflareRemediationContent />
      </Content>
    </Page>
  );
}
