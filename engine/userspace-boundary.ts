// The line between userspace and the kernel, for the model's programs: a
// program sees its argv, its output and syscalls, as a real one does. This
// lists what a userspace file may import; everything else (the kernel's
// structures: kernel/, fs/, namespace/, pnode/, observe/, the syscalls'
// implementations, the session that owns the kernel) is a violation.

import { readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

const ENGINE = __dirname;

/** The userspace files: every program, the libc-like helpers, the registry and what the dialect reads. */
export const USERSPACE_GLOBS = {
  dirs: ['shell/programs', 'userspace'],
  files: ['shell/program.ts', 'shell/realpath.ts', 'shell/working-directory.ts', 'shell/builtins.ts', 'shell/registry.ts', 'shell/dialect.ts', 'shell/parse.ts'],
};

/** Modules (relative to engine/, without .ts) a userspace file may import for values. */
const SHARED_VALUES = new Set(['kernel/constants', 'errno', 'transcript/types']);
/** Folders whose modules may be imported for types only (the syscall ABI: argument and result shapes). */
const TYPE_ONLY = ['syscalls', 'result'];

function isUserspace(module: string): boolean {
  const file = `${module}.ts`;
  return USERSPACE_GLOBS.files.includes(file) || USERSPACE_GLOBS.dirs.some((dir) => module.startsWith(`${dir}/`));
}

/**
 * The imports in `text` (a file at `file`, absolute) that a userspace file
 * may not make, each as "FILE:LINE: reason". Type-only imports of the
 * syscall ABI are fine; values only from the shared constants and errnos.
 */
export function boundaryViolations(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const check = (node: ts.Node, specifier: string, typeOnly: boolean) => {
    const where = `${relative(process.cwd(), file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if (!specifier.startsWith('.')) {
      out.push(`${where}: imports "${specifier}": a program reaches the world only through syscalls`);
      return;
    }
    const module = relative(ENGINE, join(dirname(file), specifier)).split(sep).join('/').replace(/\.ts$/, '');
    if (module.startsWith('..')) out.push(`${where}: imports "${specifier}", outside the engine`);
    else if (isUserspace(module) || SHARED_VALUES.has(module)) return;
    else if (typeOnly && TYPE_ONLY.some((prefix) => module === prefix || module.startsWith(`${prefix}/`))) return;
    else out.push(`${where}: imports "${specifier}" (engine/${module}${typeOnly ? '' : ', for values'}): the kernel's insides; a program sees only syscalls`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      check(node, node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      check(node, node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      if (isRequire || isDynamicImport) check(node, (node.arguments[0] as ts.StringLiteral).text, false);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      check(node, node.moduleReference.expression.text, node.isTypeOnly);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every userspace source file (tests excluded: they may drive a whole session), absolute. */
export function userspaceFiles(): string[] {
  const files = USERSPACE_GLOBS.files.map((f) => join(ENGINE, f));
  for (const dir of USERSPACE_GLOBS.dirs) {
    for (const entry of readdirSync(join(ENGINE, dir), { recursive: true, encoding: 'utf8' })) {
      if (entry.endsWith('.ts') && !entry.endsWith('.test.ts')) files.push(join(ENGINE, dir, entry));
    }
  }
  return files;
}
