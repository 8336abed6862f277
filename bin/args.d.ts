// Types of bin/args.js for the TypeScript side (engine/cli.ts).

export interface CheckedArgs {
  readonly command: 'run' | 'reproduce' | 'explore' | 'variants' | 'help';
  readonly values: { readonly kernel?: string; readonly json?: boolean };
  readonly positionals: readonly string[];
}

export declare class UsageError extends Error {}
export declare function checkArgs(argv: readonly string[]): CheckedArgs;
export declare const USAGE: string;
