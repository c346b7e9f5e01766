import { valueFields } from './cloudflareMeasures';
import { shareMeasured } from './words';

describe('valueFields', () => {
  it('finds every field that would carry a secret value, at any depth, by path', () => {
    expect(
      valueFields(
        {
          id: 's1',
          secrets: [
            { name: 'A', comment: 'metadata only' },
            { name: 'B', value: 'x', nested: { secret_value: 'y' } },
          ],
          text: 'z',
        },
        'store',
        [],
      ),
    ).toEqual([
      'store.secrets[1].value',
      'store.secrets[1].nested.secret_value',
      'store.text',
    ]);
  });

  it('finds none in metadata', () => {
    expect(
      valueFields(
        { id: 's1', name: 'main', secrets: [{ name: 'A', status: 'active' }] },
        'store',
        [],
      ),
    ).toEqual([]);
  });
});

describe('shareMeasured', () => {
  it('words a share, names what fails and passes at the target', () => {
    expect(shareMeasured(20, ['a'], 'failing', 0.95)).toEqual({
      measured: '19 of 20 (95%)',
      value: 0.95,
      pass: true,
      detail: 'failing: a',
    });
    expect(shareMeasured(3, ['a'], 'failing')).toMatchObject({
      measured: '2 of 3 (66.6%)',
      pass: false,
    });
    expect(shareMeasured(0, [], 'failing')).toEqual({
      measured: '0 of 0 (100%)',
      value: 1,
      pass: true,
    });
    const many = Array.from({ length: 12 }, (_, i) => `r${i}`);
    expect(shareMeasured(12, many, 'x').detail).toBe(
      'x: r0, r1, r2, r3, r4, r5, r6, r7, r8, r9 and 2 more',
    );
  });
});
