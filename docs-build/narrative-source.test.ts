import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedent, featureNarrative } from './narrative-source';

const feature = (description: string) => ({ description }) as Parameters<typeof featureNarrative>[0];

describe('narrative-source', () => {
  it("should take a .feature's description, dedented", () => {
    assert.equal(featureNarrative(feature('  Some *prose*.\n\n  > a quote'), undefined), 'Some *prose*.\n\n> a quote');
  });

  it('should take the prose of a Markdown-with-Gherkin file from its source, which the AST drops', () => {
    const source = { uri: 'x.feature.md', mediaType: 'text/x.cucumber.gherkin+markdown', data: '# Feature: X\n\nProse *here*.\n\n> quoted\n\n## Scenario: s\n\n* Given a step\n' } as Parameters<typeof featureNarrative>[1];
    assert.equal(featureNarrative(feature(''), source), 'Prose *here*.\n\n> quoted');
  });

  it('should leave text without common indentation alone', () => {
    assert.equal(dedent('a\n  b'), 'a\n  b');
  });
});
