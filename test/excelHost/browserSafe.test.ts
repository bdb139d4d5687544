/**
 * The host runs in the demo page: src/excelHost must compile with the browser's typings only (ES2022 + DOM, and
 * office-js for the types it mirrors) — any use of Node (fs, Buffer, process, require) fails here.
 */
import * as path from 'node:path';
import * as ts from 'typescript';

test('src/excelHost compiles without Node typings', () => {
  const root = path.join(__dirname, '..', '..');
  const program = ts.createProgram([path.join(root, 'src', 'excelHost', 'index.ts'), path.join(root, 'src', 'excelHost', 'typeChecks.ts')], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['office-js'],
    typeRoots: [path.join(root, 'node_modules', '@types')],
    strict: true,
    noUncheckedIndexedAccess: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n') + (d.file ? ` (${path.relative(root, d.file.fileName)})` : ''));
  expect(diagnostics).toEqual([]);
  // Only the host's own files and type-only packages: nothing of Node is imported.
  const own = program.getSourceFiles().filter((f) => f.fileName.includes('/src/'));
  expect(own.every((f) => f.fileName.includes('/src/excelHost/'))).toBe(true);
  for (const f of own) expect(f.text).not.toMatch(/from 'node:|(^|[^.\w])require\(|\bprocess\.|\bBuffer\b/);
});
