import { Before, BeforeStep } from '@cucumber/cucumber';
import type * as messages from '@cucumber/messages';
import type { MountspecWorld } from '../world';

type Step = messages.Step;

/** Every step of a Gherkin document, by AST node id. */
function stepsOf(doc: messages.GherkinDocument): Map<string, Step> {
  const steps = new Map<string, Step>();
  const addAll = (list: readonly Step[]) => list.forEach((s) => steps.set(s.id, s));
  for (const child of doc.feature?.children ?? []) {
    if (child.background) addAll(child.background.steps);
    if (child.scenario) addAll(child.scenario.steps);
    for (const ruleChild of child.rule?.children ?? []) {
      if (ruleChild.background) addAll(ruleChild.background.steps);
      if (ruleChild.scenario) addAll(ruleChild.scenario.steps);
    }
  }
  return steps;
}

// Remember where the step's docstring sits, so a transcript line that is
// outside the dialect is reported with its real file and line.
BeforeStep(function (this: MountspecWorld, { gherkinDocument, pickle, pickleStep }) {
  const step = stepsOf(gherkinDocument).get(pickleStep.astNodeIds[0] ?? '');
  this.docStringPlace = step?.docString ? { file: pickle.uri, line: step.docString.location.line } : null;
});

// A scenario tagged @only-on:K describes kernel K alone (e.g. the soft
// lockup as the thread reported it on ver #12); elsewhere it does not apply.
Before(function (this: MountspecWorld, { pickle }) {
  const only = pickle.tags.map((t) => /^@only-on:(.+)$/.exec(t.name)?.[1]).filter((k): k is string => k !== undefined);
  if (only.length && !only.includes(this.kernel)) return 'skipped';
  return undefined;
});
