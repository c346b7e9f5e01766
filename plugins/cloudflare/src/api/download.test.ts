/**
 * @jest-environment node
 */
import { sha256Hex } from './download';

describe('sha256Hex', () => {
  it('hashes the exact bytes', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
