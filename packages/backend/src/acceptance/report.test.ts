import {
  DEMO_ACCEPTANCE_FAILURES,
  SECRET_CANARIES,
} from '@cloudflare-backstage/cloudflare-demo-account';
import { answerWith } from './__fixtures__/answers';
import { parseArgs } from './args';
import { secretsIn, withSecretScan } from './measure';
import { formatAcceptance, judgeAcceptance } from './report';

/** The demo's deliberate failures, each naming its resources as the route does. */
const demoFailing = Object.fromEntries(
  Object.entries(DEMO_ACCEPTANCE_FAILURES).map(([id, names]) => [
    id,
    `failing: ${names.join(', ')}`,
  ]),
);

describe('judgeAcceptance', () => {
  it('accepts the demo when exactly its deliberate failures fail, on their resources', () => {
    expect(
      judgeAcceptance(answerWith(demoFailing), DEMO_ACCEPTANCE_FAILURES),
    ).toEqual({ unexpectedFailures: [], unexpectedPasses: [], exitCode: 0 });
  });

  it('refuses a failure the demo is not built to have', () => {
    const outcome = judgeAcceptance(
      answerWith({ ...demoFailing, aiDiscovered: 'not in the catalog: x' }),
      DEMO_ACCEPTANCE_FAILURES,
    );
    expect(outcome).toMatchObject({
      unexpectedFailures: ['aiDiscovered'],
      exitCode: 1,
    });
  });

  it('refuses a deliberate failure that passes, or that no longer names its resource', () => {
    const { provenance: _gone, ...rest } = demoFailing;
    expect(
      judgeAcceptance(answerWith(rest), DEMO_ACCEPTANCE_FAILURES),
    ).toMatchObject({
      unexpectedPasses: ['provenance: passes, the demo is built to fail it'],
      exitCode: 1,
    });
    const [first, ...others] = DEMO_ACCEPTANCE_FAILURES.provenance;
    expect(
      judgeAcceptance(
        answerWith({
          ...demoFailing,
          provenance: `failing: ${others.join(', ')}`,
        }),
        DEMO_ACCEPTANCE_FAILURES,
      ),
    ).toMatchObject({
      unexpectedPasses: [`provenance: ${first} no longer named as failing`],
      exitCode: 1,
    });
  });

  it('counts a deliberate failure that was not permitted as unexpected', () => {
    const outcome = judgeAcceptance(
      answerWith(demoFailing, {
        coverage: { measured: 'not permitted', denied: true, pass: false },
      }),
      DEMO_ACCEPTANCE_FAILURES,
    );
    expect(outcome.unexpectedFailures).toEqual(['coverage']);
  });

  it('without deliberate failures (a real backend), any failure fails the run', () => {
    expect(judgeAcceptance(answerWith()).exitCode).toBe(0);
    expect(
      judgeAcceptance(answerWith({ coverage: 'uncovered: a' })),
    ).toMatchObject({ unexpectedFailures: ['coverage'], exitCode: 1 });
  });
});

describe('formatAcceptance', () => {
  it('prints criterion, target, measured and result, the deliberate failures and the verdict', () => {
    const answer = answerWith(demoFailing);
    const text = formatAcceptance(
      answer,
      judgeAcceptance(answer, DEMO_ACCEPTANCE_FAILURES),
      DEMO_ACCEPTANCE_FAILURES,
    );
    const lines = text.split('\n');
    expect(lines[2]).toMatch(
      /^ {3}Criterion \(spec section 11\) +Target +Measured +Result$/,
    );
    for (const [i, c] of answer.criteria.entries()) {
      const row = lines.find(l => l.startsWith(`${i + 1}. ${c.title}`));
      expect(row).toMatch(
        new RegExp(
          `${c.measured.replace(/[()]/g, '\\$&')} +${
            c.pass ? 'PASS' : 'FAIL'
          }$`,
        ),
      );
    }
    expect(text).toContain('Deliberate failures of the demo account:');
    expect(text).toContain(
      `  3. All regulated R2 buckets show lifecycle configuration. (${DEMO_ACCEPTANCE_FAILURES.regulatedR2Lifecycle.join(
        ', ',
      )})`,
    );
    expect(lines[lines.length - 1]).toBe(
      'Result: as expected (every criterion passes but the deliberate failures, which fail).',
    );
  });

  it('names what is unexpected', () => {
    const answer = answerWith({ aiDiscovered: 'x' });
    const text = formatAcceptance(answer, judgeAcceptance(answer));
    expect(text).toContain('FAILED: aiDiscovered');
    expect(text).not.toContain('Deliberate failures');
    expect(text.endsWith('Result: NOT as expected.')).toBe(true);
  });
});

describe('the secret scan of criterion 6', () => {
  it('names where a demo secret was found, never the value', () => {
    const found = secretsIn({
      log: `line with ${SECRET_CANARIES.kvCredentialValue}`,
      'answer 1': '{"ok":true}',
    });
    expect(found).toEqual(['log: kvCredentialValue']);
  });

  it('fails criterion 6 when a secret is in the log, and keeps the route figures otherwise', () => {
    const answer = answerWith();
    const answers = [
      { what: 'GET /x', status: 200, headers: new Headers(), body: '{}' },
    ];
    const clean = withSecretScan(answer, answers, 'nothing here');
    const six = clean.criteria.find(c => c.id === 'secretsMetadataOnly')!;
    expect(six).toMatchObject({
      pass: true,
      measured: '2 of 2 (100%); 0 secret values in log and answers',
      detail: "scanned 1 answer and 1 kB of backend log for the demo's secrets",
    });
    const leaked = withSecretScan(
      answer,
      answers,
      `oops ${SECRET_CANARIES.secretsStoreValue}`,
    ).criteria.find(c => c.id === 'secretsMetadataOnly')!;
    expect(leaked).toMatchObject({
      pass: false,
      detail:
        "scanned 1 answer and 1 kB of backend log for the demo's secrets; found in backend log: secretsStoreValue",
    });
    expect(JSON.stringify(leaked)).not.toContain(
      SECRET_CANARIES.secretsStoreValue,
    );
  });
});

describe('parseArgs', () => {
  it('measures the demo without arguments, a backend with --url and --token (or the environment)', () => {
    expect(parseArgs([], {})).toEqual({ exportSnapshot: false });
    expect(
      parseArgs(['--url', 'https://b.example', '--token', 't', '--export'], {}),
    ).toEqual({ url: 'https://b.example', token: 't', exportSnapshot: true });
    expect(
      parseArgs([], {
        BACKSTAGE_URL: 'https://b.example',
        BACKSTAGE_TOKEN: 't',
      }),
    ).toEqual({ url: 'https://b.example', token: 't', exportSnapshot: false });
  });

  it('refuses incomplete or unknown arguments', () => {
    expect(() => parseArgs(['--url', 'https://b.example'], {})).toThrow(
      '--url needs --token',
    );
    expect(() => parseArgs(['--export'], {})).toThrow('--export needs --url');
    expect(() => parseArgs(['--token'], {})).toThrow('--token needs a value');
    expect(() => parseArgs(['--verbose'], {})).toThrow(
      'unknown argument --verbose',
    );
  });
});
