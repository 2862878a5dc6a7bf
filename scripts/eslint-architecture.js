// The architecture's boundaries as lint rules, so that a wrong import fails `npm run lint`
// instead of waiting for a review:
// - a feature reaches another feature only through that feature's public index.ts;
// - src-main/core sits below the features and never imports them;
// - only src-main/shell imports electron;
// - the renderer imports nothing but types from src-main (its values cannot run in a browser).
import { dirname, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const rel = (file) => relative(root, file).split(sep).join('/');

/** Every module specifier of a file with whether only types are taken from it. */
function eachImport(context, visit) {
  const check = (node, source, typeOnly) => {
    if (source && typeof source.value === 'string') visit(node, source.value, typeOnly);
  };
  const allTypes = (node) =>
    node.importKind === 'type' ||
    node.exportKind === 'type' ||
    (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
  return {
    ImportDeclaration: (node) => check(node, node.source, allTypes(node)),
    ExportNamedDeclaration: (node) => check(node, node.source, allTypes(node)),
    ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
    ImportExpression: (node) => check(node, node.source, false),
  };
}

/** The project-relative path a relative specifier points at, or null for packages. */
function target(context, specifier) {
  if (!specifier.startsWith('.')) return null;
  return rel(resolve(dirname(context.filename), specifier));
}

const FEATURE = /^(src-main|src-renderer)\/features\/([^/]+)(\/.*)?$/;

const rule = (description, create) => ({ meta: { type: 'problem', docs: { description }, schema: [] }, create });

export const architecture = {
  rules: {
    'feature-public-surface': rule('A feature imports another feature only through its index.ts', (context) => {
      const from = FEATURE.exec(rel(context.filename));
      if (!from) return {};
      return eachImport(context, (node, specifier) => {
        const to = target(context, specifier);
        const hit = to && FEATURE.exec(to);
        if (!hit || hit[1] !== from[1] || hit[2] === from[2]) return;
        if (hit[3] === '/index' || hit[3] === '/index.ts' || hit[3] === undefined) return;
        context.report({ node, message: `Import "${specifier}" reaches into the ${hit[2]} feature: import from its index.ts.` });
      });
    }),
    'core-below-features': rule('src-main/core never imports a feature or the composition root', (context) => {
      if (!rel(context.filename).startsWith('src-main/core/')) return {};
      return eachImport(context, (node, specifier, typeOnly) => {
        const to = target(context, specifier);
        if (!to || typeOnly) return;
        if (to.startsWith('src-main/features/') || to === 'src-main/api' || to === 'src-main/app') {
          context.report({ node, message: `src-main/core sits below the features: "${specifier}" points up.` });
        }
      });
    }),
    'electron-in-shell-only': rule('Only src-main/shell imports electron', (context) => {
      if (rel(context.filename).startsWith('src-main/shell/')) return {};
      return eachImport(context, (node, specifier, typeOnly) => {
        if (!typeOnly && (specifier === 'electron' || specifier.startsWith('electron/'))) {
          context.report({ node, message: 'Only src-main/shell may import electron.' });
        }
      });
    }),
    'renderer-imports-types-only': rule('The renderer takes only types from src-main', (context) => {
      if (!rel(context.filename).startsWith('src-renderer/')) return {};
      return eachImport(context, (node, specifier, typeOnly) => {
        const to = target(context, specifier);
        if (to?.startsWith('src-main/') && !typeOnly) {
          context.report({ node, message: `The renderer may import only types from src-main ("${specifier}"); shared rules live in src-shared.` });
        }
      });
    }),
  },
};
