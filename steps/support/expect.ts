/**
 * A scenario's expectation that the kernel did not meet. Its type tells a
 * failed claim apart from a crash (which a declared @fails-on must never hide).
 */
export class ExpectationFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpectationFailed';
  }
}

export function expect(condition: unknown, message: () => string): asserts condition {
  if (!condition) throw new ExpectationFailed(message());
}

/** The failure types that mean "the kernel did not do what the spec says". */
export const EXPECTATION_ERROR_TYPES = ['ExpectationFailed', 'AssertionError'] as const;
