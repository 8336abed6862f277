// The verdict on one cucumber run: every scenario's real status on that
// kernel, held against its @fails-on claims. A failure nobody declared fails
// the spec, and so does a declared failure that passes, or one that failed by
// crashing rather than by a failed expectation.

import type * as messages from '@cucumber/messages';

export type Outcome = 'passed' | 'failed as declared' | 'failed undeclared' | 'passed though declared failing' | 'not applicable' | 'skipped' | 'broken';

export interface ScenarioVerdict {
  /** `features/x.feature:12`: stable across runs, unlike message ids. */
  readonly key: string;
  readonly feature: string;
  readonly name: string;
  readonly tags: readonly string[];
  readonly status: messages.TestStepResultStatus | 'UNKNOWN';
  readonly declaredFailing: boolean;
  readonly outcome: Outcome;
  /** The first failing step's message, when there is one. */
  readonly message: string | null;
  /** Whether the outcome is what the spec claims (false fails `npm test`). */
  readonly ok: boolean;
}

const SEVERITY: readonly string[] = ['UNKNOWN', 'PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

/** The failure types that mean "the kernel did not do what the spec says" (steps/support/expect.ts). */
const EXPECTATION_TYPES = new Set(['ExpectationFailed', 'AssertionError']);

const FAILS_ON = /^@fails-on:(.+)$/;
const ONLY_ON = /^@only-on:(.+)$/;

/** @fails-on:X and @only-on:X tags whose X is not a kernel: typos that would silently claim nothing. */
export function unknownKernelTags(tags: readonly string[], kernels: readonly string[]): string[] {
  return tags.filter((t) => {
    const kernel = (FAILS_ON.exec(t) ?? ONLY_ON.exec(t))?.[1];
    return kernel !== undefined && !kernels.includes(kernel);
  });
}

/** Does the scenario apply to this kernel? (@only-on tags restrict it.) */
export function appliesTo(tags: readonly string[], kernel: string): boolean {
  const only = tags.map((t) => ONLY_ON.exec(t)?.[1]).filter((k) => k !== undefined);
  return only.length === 0 || only.includes(kernel);
}

/** Verdicts as a cucumber run goes: each scenario's as soon as it finishes, then all (the unscheduled too). */
export class VerdictCollector {
  private readonly docs = new Map<string, messages.GherkinDocument>();
  private readonly pickles = new Map<string, messages.Pickle>();
  private readonly testCases = new Map<string, messages.TestCase>();
  private readonly started = new Map<string, string>(); // testCaseStarted id → testCase id
  private readonly worst = new Map<string, { status: string; message: string | null; type: string | null }>(); // pickle id → worst step

  constructor(private readonly kernel: string) {}

  /** Takes one envelope; returns the scenario's verdict when the envelope finishes it. */
  add(e: messages.Envelope): ScenarioVerdict | null {
    if (e.gherkinDocument?.uri) this.docs.set(e.gherkinDocument.uri, e.gherkinDocument);
    if (e.pickle) this.pickles.set(e.pickle.id, e.pickle);
    if (e.testCase) this.testCases.set(e.testCase.id, e.testCase);
    if (e.testCaseStarted) this.started.set(e.testCaseStarted.id, e.testCaseStarted.testCaseId);
    if (e.testStepFinished) {
      const testCase = this.testCaseOf(e.testStepFinished.testCaseStartedId);
      if (!testCase) return null;
      const result = e.testStepFinished.testStepResult;
      const previous = this.worst.get(testCase.pickleId);
      if (!previous || SEVERITY.indexOf(result.status) > SEVERITY.indexOf(previous.status)) {
        this.worst.set(testCase.pickleId, { status: result.status, message: result.exception?.message ?? result.message ?? null, type: result.exception?.type ?? null });
      }
    }
    if (e.testCaseFinished && !e.testCaseFinished.willBeRetried) {
      const pickle = this.pickles.get(this.testCaseOf(e.testCaseFinished.testCaseStartedId)?.pickleId ?? '');
      if (pickle) return this.verdict(pickle, true);
    }
    return null;
  }

  /** Every pickle's verdict, in the order cucumber emitted them. */
  all(): ScenarioVerdict[] {
    const scheduled = new Set([...this.testCases.values()].map((t) => t.pickleId));
    return [...this.pickles.values()].map((pickle) => this.verdict(pickle, scheduled.has(pickle.id)));
  }

  private testCaseOf(testCaseStartedId: string): messages.TestCase | undefined {
    return this.testCases.get(this.started.get(testCaseStartedId) ?? '');
  }

  private verdict(pickle: messages.Pickle, selected: boolean): ScenarioVerdict {
    const kernel = this.kernel;
    const tags = pickle.tags.map((t) => t.name);
    // Cucumber emits every pickle but schedules only those the profile's tags
    // select (the live run leaves out @model-only ones).
    const declaredFailing = tags.includes(`@fails-on:${kernel}`);
    const step = this.worst.get(pickle.id);
    const status = (step?.status ?? 'UNKNOWN') as ScenarioVerdict['status'];
    let outcome: Outcome;
    if (status === 'PASSED') outcome = declaredFailing ? 'passed though declared failing' : 'passed';
    else if (status === 'FAILED' && EXPECTATION_TYPES.has(step?.type ?? '')) outcome = declaredFailing ? 'failed as declared' : 'failed undeclared';
    else if (!selected || (status === 'SKIPPED' && !appliesTo(tags, kernel))) outcome = 'not applicable';
    else if (status === 'SKIPPED') outcome = 'skipped';
    else outcome = 'broken';
    const ok = outcome === 'passed' || outcome === 'failed as declared' || outcome === 'not applicable' || (outcome === 'skipped' && kernel === 'live');
    const doc = this.docs.get(pickle.uri);
    return { key: `${pickle.uri}:${scenarioLine(doc, pickle)}`, feature: doc?.feature?.name ?? pickle.uri, name: pickle.name, tags, status, declaredFailing, outcome, message: step?.message ?? null, ok };
  }
}

export function verdicts(envelopes: readonly messages.Envelope[], kernel: string): ScenarioVerdict[] {
  const collector = new VerdictCollector(kernel);
  for (const e of envelopes) collector.add(e);
  return collector.all();
}

/** The line of the scenario (or example row) a pickle came from. */
function scenarioLine(doc: messages.GherkinDocument | undefined, pickle: messages.Pickle): number {
  const ids = pickle.astNodeIds;
  const lines = new Map<string, number>();
  for (const child of doc?.feature?.children ?? []) {
    const scenarios = [child.scenario, ...(child.rule?.children ?? []).map((c) => c.scenario)];
    for (const s of scenarios) {
      if (!s) continue;
      lines.set(s.id, s.location.line);
      for (const ex of s.examples) for (const row of ex.tableBody) lines.set(row.id, row.location.line);
    }
  }
  return lines.get(ids[ids.length - 1] ?? '') ?? lines.get(ids[0] ?? '') ?? 0;
}
