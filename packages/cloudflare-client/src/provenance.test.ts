import {
  formatProvenanceAnnotation,
  parseProvenanceAnnotation,
} from './provenance';
import { Redactor } from './redaction';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const RUN = 'https://github.com/acme-org/acme-api/actions/runs/123456';

describe('parseProvenanceAnnotation', () => {
  it('reads the convention', () => {
    expect(parseProvenanceAnnotation(`sha=${SHA} run=${RUN}`)).toEqual({
      commitSha: SHA,
      ciRunUrl: RUN,
    });
    expect(
      parseProvenanceAnnotation(formatProvenanceAnnotation(SHA, RUN)),
    ).toEqual({ commitSha: SHA, ciRunUrl: RUN });
  });

  it('tolerates extra text, order and case', () => {
    expect(
      parseProvenanceAnnotation(
        `Deploy main (run=${RUN}) by CI; sha=${SHA.toUpperCase()}, done`,
      ),
    ).toEqual({
      commitSha: SHA,
      ciRunUrl: RUN,
    });
    expect(
      parseProvenanceAnnotation(`release v1.2\nsha=${SHA}\nrun=${RUN}.`),
    ).toEqual({ commitSha: SHA, ciRunUrl: RUN });
  });

  it('reads partial annotations', () => {
    expect(parseProvenanceAnnotation(`sha=${SHA}`)).toEqual({ commitSha: SHA });
    expect(parseProvenanceAnnotation(`run=${RUN}`)).toEqual({ ciRunUrl: RUN });
  });

  it('ignores malformed values', () => {
    expect(parseProvenanceAnnotation(undefined)).toEqual({});
    expect(parseProvenanceAnnotation('')).toEqual({});
    expect(
      parseProvenanceAnnotation('Merge pull request #12 from acme-org/feature'),
    ).toEqual({});
    expect(
      parseProvenanceAnnotation(
        `sha=${SHA.slice(0, 7)} run=http://insecure.example/run/1`,
      ),
    ).toEqual({});
    expect(parseProvenanceAnnotation(`sha=${SHA}0 run=notaurl`)).toEqual({});
    expect(parseProvenanceAnnotation(`xsha=${SHA} prerun=${RUN}`)).toEqual({});
    expect(parseProvenanceAnnotation(`sha=${SHA.replace('a', 'g')}`)).toEqual(
      {},
    );
    expect(parseProvenanceAnnotation('run=https://')).toEqual({});
  });
});

describe('parseProvenanceAnnotation: credential-carrying run URLs', () => {
  it('refuses a run URL with a user name or password, and counts it', () => {
    expect(
      parseProvenanceAnnotation(
        `sha=${SHA} run=https://user:tok3n@ci.example/run/1`,
      ),
    ).toEqual({ commitSha: SHA, redacted: 1 });
    expect(
      parseProvenanceAnnotation('run=https://deploy-bot@ci.example/run/1'),
    ).toEqual({ redacted: 1 });
  });

  it('drops query strings and fragments, and counts each', () => {
    expect(
      parseProvenanceAnnotation(`run=${RUN}?token=abc123&x=1#access_token=z`),
    ).toEqual({ ciRunUrl: RUN, redacted: 2 });
  });

  it('keeps the query of an allowed host, minus credential-like parameters', () => {
    expect(
      parseProvenanceAnnotation(
        'run=https://ci.example/job?build=42&token=abc123#frag',
        { allowQueryHosts: ['ci.example'] },
        new Redactor(),
      ),
    ).toEqual({ ciRunUrl: 'https://ci.example/job?build=42', redacted: 2 });
  });
});
