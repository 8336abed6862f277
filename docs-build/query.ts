// Joins one stream's envelopes by id (pickle ↔ testCase ↔ testCaseStarted ↔
// testStepFinished / attachment), the relations of @cucumber/messages'
// relations.md, so the transform never handles ids itself.

import type * as messages from '@cucumber/messages';
import type { Stream } from './load';

export interface StepRun {
  readonly result: messages.TestStepResult;
  /** The pickle step it ran, or null for a hook. */
  readonly pickleStepId: string | null;
}

export interface AttachmentAt {
  readonly attachment: messages.Attachment;
  /** The NDJSON line it came from, for diagnostics. */
  readonly line: number;
  readonly pickleStepId: string | null;
}

/** The last attempt at a pickle (earlier ones were retried). */
export interface Attempt {
  readonly steps: readonly StepRun[];
  readonly attachments: readonly AttachmentAt[];
}

export interface RunIndex {
  readonly documents: ReadonlyMap<string, messages.GherkinDocument>;
  readonly sources: ReadonlyMap<string, messages.Source>;
  readonly pickles: readonly messages.Pickle[];
  readonly attempts: ReadonlyMap<string, Attempt>;
}

export function indexStream(stream: Stream): RunIndex {
  const documents = new Map<string, messages.GherkinDocument>();
  const sources = new Map<string, messages.Source>();
  const pickles: messages.Pickle[] = [];
  const testCases = new Map<string, messages.TestCase>();
  const stepOfTestStep = new Map<string, string | null>(); // testStep id → pickleStep id
  const pickleOfStarted = new Map<string, string>(); // testCaseStarted id → pickle id
  const attempts = new Map<string, { steps: StepRun[]; attachments: AttachmentAt[] }>();
  stream.envelopes.forEach((e, i) => {
    if (e.source) sources.set(e.source.uri, e.source);
    if (e.gherkinDocument?.uri) documents.set(e.gherkinDocument.uri, e.gherkinDocument);
    if (e.pickle) pickles.push(e.pickle);
    if (e.testCase) {
      testCases.set(e.testCase.id, e.testCase);
      for (const step of e.testCase.testSteps) stepOfTestStep.set(step.id, step.pickleStepId ?? null);
    }
    if (e.testCaseStarted) {
      const pickleId = testCases.get(e.testCaseStarted.testCaseId)?.pickleId;
      if (pickleId === undefined) return;
      pickleOfStarted.set(e.testCaseStarted.id, pickleId);
      attempts.set(pickleId, { steps: [], attachments: [] }); // a retry replaces the earlier attempt
    }
    if (e.testStepFinished) {
      const attempt = attempts.get(pickleOfStarted.get(e.testStepFinished.testCaseStartedId) ?? '');
      attempt?.steps.push({ result: e.testStepFinished.testStepResult, pickleStepId: stepOfTestStep.get(e.testStepFinished.testStepId) ?? null });
    }
    if (e.attachment?.testCaseStartedId !== undefined) {
      const attempt = attempts.get(pickleOfStarted.get(e.attachment.testCaseStartedId) ?? '');
      attempt?.attachments.push({ attachment: e.attachment, line: stream.lines[i] ?? 0, pickleStepId: stepOfTestStep.get(e.attachment.testStepId ?? '') ?? null });
    }
  });
  return { documents, sources, pickles, attempts };
}
