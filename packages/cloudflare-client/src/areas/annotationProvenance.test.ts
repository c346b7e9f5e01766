import { ConfigReader } from '@backstage/config';
import { CloudflareClient } from '../CloudflareClient';
import {
  DEMO_ACCOUNT_ID,
  DEMO_API_TOKEN,
  TEST_BASE_URL,
  demoClient,
  expectNoCanary,
  useDemoAccount,
} from '../__testUtils__/demo';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const RUN_PASSWORD = 'CANARY-run-url-password-5e2a9c1b7d3f';
const RUN_QUERY_TOKEN = 'CANARY-run-url-query-token-8b4d2e6a1c9f';
const PR_PASSWORD = 'CANARY-pr-url-password-3c7e1a9b5d2f';
const PR_QUERY_TOKEN = 'CANARY-pr-url-query-token-6a2e8c4b1d7f';
const LEAKS = [RUN_PASSWORD, RUN_QUERY_TOKEN, PR_PASSWORD, PR_QUERY_TOKEN];

describe('CI links read from Cloudflare', () => {
  const demo = useDemoAccount();

  /** Writes `messages[i]` into the i-th newest version of a script and its deployment. */
  function annotate(script: string, messages: string[]) {
    const { versions, deployments } = demo.state.data.workers;
    messages.forEach((message, i) => {
      versions[script][i].annotations!['workers/message'] = message;
      deployments[script][i].annotations!['workers/message'] = message;
    });
  }

  it('refuses a run URL with a user name or password and strips query strings and fragments, counting each', async () => {
    annotate('acme-worker-consumer', [
      `sha=${SHA} run=https://ci-bot:${RUN_PASSWORD}@ci.example/run/1`,
      `sha=${SHA} run=https://ci.example/run/2?token=${RUN_QUERY_TOKEN}#step`,
    ]);
    const client = demoClient();
    const [first, second] = await client.workers.listDeploymentsWithProvenance(
      'acme-worker-consumer',
      { useBuilds: false },
    );
    expectNoCanary([first, second], LEAKS);
    expect(first).toMatchObject({ provenance: 'annotation', commitSha: SHA });
    expect(first.ciRunUrl).toBeUndefined();
    expect(second.ciRunUrl).toBe('https://ci.example/run/2');
    // first: the refused run URL; second: its query and fragment.
    expect(client.stats().redactionsByArea.workers).toBe(3);
  });

  it('keeps the query of a host allowed by cloudflare.provenance.ciRunUrl.allowQueryHosts, minus credentials', async () => {
    annotate('acme-worker-consumer', [
      `sha=${SHA} run=https://ci.example/job?build=42&token=${RUN_QUERY_TOKEN}`,
    ]);
    const client = CloudflareClient.fromConfig(
      new ConfigReader({
        cloudflare: {
          accountId: DEMO_ACCOUNT_ID,
          apiToken: DEMO_API_TOKEN,
          apiBaseUrl: TEST_BASE_URL,
          fetch: { maxRetries: 0 },
          provenance: { ciRunUrl: { allowQueryHosts: ['CI.example'] } },
        },
      }),
    );
    const [first] = await client.workers.listDeploymentsWithProvenance(
      'acme-worker-consumer',
      { useBuilds: false, activeOnly: true },
    );
    expectNoCanary(first, LEAKS);
    expect(first.ciRunUrl).toBe('https://ci.example/job?build=42');
    expect(client.stats().redactionsByArea.workers).toBe(1);
  });

  it("cleans Workers Builds' pull request URLs", async () => {
    const withPr = demo.state.data.workers.builds.filter(b => b.pull_request);
    expect(withPr.length).toBeGreaterThan(1);
    withPr.forEach((b, i) => {
      b.pull_request!.pull_request_url =
        i === 0
          ? `https://x-access-token:${PR_PASSWORD}@github.com/acme-org/acme-api/pull/1`
          : `https://github.com/acme-org/acme-api/pull/${i}?token=${PR_QUERY_TOKEN}`;
    });
    const client = demoClient();
    const deployments = await client.workers.listDeploymentsWithProvenance(
      'acme-api',
    );
    const builds = await client.workers.getBuildsForVersions(
      deployments.map(d => d.versionId),
    );
    expectNoCanary([deployments, builds], LEAKS);
    const urls = deployments.flatMap(d =>
      d.pullRequestUrl ? [d.pullRequestUrl] : [],
    );
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls)
      expect(url).toMatch(
        /^https:\/\/github\.com\/acme-org\/acme-api\/pull\/\d+$/,
      );
  });

  it('cleans the run URL of Pages commit messages', async () => {
    const deployment = demo.state.data.pages.deployments['acme-docs'][0];
    deployment.deployment_trigger.metadata.commit_message = `Release sha=${SHA} run=https://ci.example/run/3?token=${RUN_QUERY_TOKEN}`;
    const client = demoClient();
    const [first] = await client.pages.listDeployments('acme-docs', {
      limit: 1,
    });
    expectNoCanary(first, LEAKS);
    // A Git-triggered deployment links its Pages build; the message's run URL was cleaned anyway.
    expect(first.ciRunUrl).toMatch(/^https:\/\/dash\.cloudflare\.com\//);
    expect(client.stats().redactionsByArea.pages).toBeGreaterThanOrEqual(1);
  });
});
