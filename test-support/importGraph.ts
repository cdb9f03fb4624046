import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  from: string;
  to: string;
  /** `import type`, `export type ... from`, or every named binding marked `type`: erased at run time. */
  typeOnly: boolean;
  /** `import('...')`: loaded when called, so it cannot take part in a load-order cycle. */
  dynamic: boolean;
}

const isCode = (f: string) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

function bindingsAllTypes(named: ts.NamedImportBindings | ts.NamedExportBindings | undefined): boolean {
  if (!named) return false;
  if (ts.isNamedImports(named) || ts.isNamedExports(named)) return named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
  return false;
}

/** Every relative import between the code files under `root` (paths relative to the repository root). */
export function importEdges(repoRoot: string, root: string, include: (file: string) => boolean = () => true): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const abs of walk(path.join(repoRoot, root)).filter(isCode)) {
    const file = path.relative(repoRoot, abs);
    if (!include(file)) continue;
    const source = ts.createSourceFile(abs, fs.readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, false);
    const add = (spec: string, typeOnly: boolean, dynamic: boolean) => {
      if (!spec.startsWith('.')) return;
      const target = resolve(abs, spec);
      if (target) edges.push({ from: file, to: path.relative(repoRoot, target), typeOnly, dynamic });
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const clause = node.importClause;
        const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && bindingsAllTypes(clause.namedBindings)));
        add(node.moduleSpecifier.text, typeOnly, false);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        add(node.moduleSpecifier.text, node.isTypeOnly || bindingsAllTypes(node.exportClause), false);
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [arg] = node.arguments;
        if (arg && ts.isStringLiteral(arg)) add(arg.text, false, true);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return edges;
}

/** Strongly connected components of more than one file (Tarjan), i.e. the import cycles. */
export function cycles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) connect(v);
  return found;
}
