import {
  CLOUDFLARE_CHECK_IDS,
  CLOUDFLARE_COVERAGE_TARGET,
  CLOUDFLARE_PRODUCTION_COMPONENT_CHECK_IDS,
  CLOUDFLARE_SCORECARDS,
  CLOUDFLARE_SOC2_CRITERIA,
  cloudflareRemediationPath,
  cloudflareRunbookPath,
  getCloudflareScorecardOfCheck,
} from './scorecards';

describe('CLOUDFLARE_SCORECARDS', () => {
  it('has the six scorecards of spec section 6, each with checks', () => {
    expect(CLOUDFLARE_SCORECARDS.map(s => s.title)).toEqual([
      'Access Hygiene',
      'Change Management / Provenance',
      'Data Retention & Storage',
      'Resilience & Runtime',
      'AI Stack Governance',
      'Coverage',
    ]);
    for (const s of CLOUDFLARE_SCORECARDS) {
      expect(s.checks.length).toBeGreaterThan(0);
    }
  });

  it('puts every check in exactly one scorecard, with a known criterion', () => {
    expect(new Set(CLOUDFLARE_CHECK_IDS).size).toBe(
      CLOUDFLARE_CHECK_IDS.length,
    );
    for (const id of CLOUDFLARE_CHECK_IDS) {
      const found = getCloudflareScorecardOfCheck(id)!;
      expect(found.check.id).toBe(id);
      expect(CLOUDFLARE_SOC2_CRITERIA[found.check.criterion]).toBeTruthy();
    }
    expect(getCloudflareScorecardOfCheck('somethingElse')).toBeUndefined();
  });

  it('holds each scorecard to all of its results but Coverage, which counts production Components to 95%', () => {
    expect(
      CLOUDFLARE_SCORECARDS.map(s => [
        s.id,
        s.target,
        !!s.productionComponentsOnly,
      ]),
    ).toEqual([
      ['access-hygiene', 1, false],
      ['change-management', 1, false],
      ['data-retention', 1, false],
      ['resilience', 1, false],
      ['ai-governance', 1, false],
      ['coverage', CLOUDFLARE_COVERAGE_TARGET, true],
    ]);
    expect([...CLOUDFLARE_PRODUCTION_COMPONENT_CHECK_IDS]).toEqual([
      'cloudflareComponentCoverage',
    ]);
  });

  it('links a check to its anchor on the remediation page', () => {
    expect(cloudflareRemediationPath('cloudflareApiTokenHygiene')).toBe(
      '/cloudflare/remediation#cloudflareApiTokenHygiene',
    );
    expect(cloudflareRunbookPath('cloudflareApiTokenHygiene')).toBe(
      '/docs/default/component/cloudflare-suite/soc2-remediation/#cloudflareApiTokenHygiene',
    );
    expect(cloudflareRemediationPath('x', '/posture/')).toBe(
      '/posture/remediation#x',
    );
  });
});
