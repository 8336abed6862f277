import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { README, dialectList, withDialectList } from './dialect-docs';
import { PROGRAMS } from './registry';

describe("the README's dialect list", () => {
  it('is the one the registry generates (run engine/shell/dialect-docs.ts to update it)', () => {
    const readme = readFileSync(README, 'utf8');
    assert.equal(readme, withDialectList(readme));
  });

  it('names every program of the registry', () => {
    const list = dialectList();
    for (const name of PROGRAMS.keys()) assert.match(list, new RegExp(`\`${name}\\b`), name);
  });
});
