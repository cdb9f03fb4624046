import { describe, expect, it } from 'vitest';
import { postcodeSector } from './postcode.js';

describe('postcodeSector', () => {
  it.each([
    ['CV1 2GN', 'CV1 2'],
    ['cv12gn', 'CV1 2'],
    ['b11aa', 'B1 1'],
    ['  sw1a  1aa ', 'SW1A 1'],
    ['CV12 3AB', 'CV12 3'],
    ['W1A 0AX', 'W1A 0'],
    ['EC1A 1BB', 'EC1A 1'],
    ['CV1 2', 'CV1 2'],
    ['cv6  5', 'CV6 5'],
  ])('%s -> %s', (input, sector) => {
    expect(postcodeSector(input)).toBe(sector);
  });

  it.each(['', 'CV1', 'CV12', 'not a postcode', '12345', 'CV1 2G', 'CV1 2GNN', 'QV1 2GN', 'CV1 2CI', 'CV1  2GN X'])('rejects %j', (input) => {
    expect(postcodeSector(input)).toBeNull();
  });
});
