/**
 * The layers of main/ as data: each layer may import only its own folders and the layers below
 * it, so the library format never depends on publishing, and publishing never on a transport.
 * Side-by-side layers (one tier) do not import each other. The renderer may import only the
 * pure format layer and the API contract's types. Modelled on VS Code's `code-layering` rule.
 */
import { isBuiltin } from 'node:module';
import path from 'node:path';

/** @typedef {{ name: string, folders: string[], tier: number }} Layer */

/**
 * Turns the tiers of the options (lowest first; a tier lists layers side by side; a layer is a
 * folder of main/ or several folders written `library+planning`) into one layer per folder.
 * @param {string[][]} tiers
 * @returns {Map<string, Layer>} folder name → its layer
 */
function layersByFolder(tiers) {
  const byFolder = new Map();
  tiers.forEach((tier, index) => {
    for (const name of tier) {
      const folders = name.split('+');
      const layer = { name: folders[0], folders, tier: index };
      for (const folder of layer.folders) byFolder.set(folder, layer);
    }
  });
  return byFolder;
}

/**
 * Names joined with commas and a final "and", for the messages.
 * @param {string[]} names
 */
function joinNames(names) {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Where a path inside the repository sits: `main/<folder>`, `renderer` or somewhere else.
 * @param {string} relative a path relative to the repository root, with forward slashes
 * @returns {{ area: 'main', folder: string, rest: string } | { area: 'renderer' } | undefined}
 */
function placeOf(relative) {
  const parts = relative.split('/');
  if (parts[0] === 'main' && parts.length > 2) {
    return { area: 'main', folder: parts[1], rest: parts.slice(2).join('/') };
  }
  if (parts[0] === 'renderer') return { area: 'renderer' };
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const codeLayering = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports between the layers of main/ and the renderer in order.' },
    schema: [
      {
        type: 'object',
        properties: {
          tiers: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
          pure: { type: 'array', items: { type: 'string' } },
          rendererMayImport: { type: 'array', items: { type: 'string' } },
          typeOnly: { type: 'array', items: { type: 'string' } },
        },
        required: ['tiers'],
        additionalProperties: false,
      },
    ],
    messages: {
      upward:
        'main/{{from}} may not import main/{{to}}: {{toLayer}} sits above {{fromLayer}}. {{fromLayer}} may use {{allowed}}; {{toLayer}} may be used by {{users}}.',
      sideways:
        'main/{{from}} may not import main/{{to}}: {{fromLayer}} and {{toLayer}} sit side by side and stay apart. {{fromLayer}} may use {{allowed}}.',
      unlayered:
        'main/{{to}} has no layer yet: add it to the tiers of the code-layering rule in eslint.config.js.',
      pureNode:
        'main/{{from}} is pure (the renderer uses it too) and may not import Node code ({{source}}).',
      rendererMain:
        'The renderer may import from main/ only {{allowed}}; everything else there runs in Node.',
      rendererValue:
        'The renderer may import only types from {{target}} (write `import type`); its code runs in Node.',
      mainRenderer: 'main/ may not import the renderer: the UI talks to it only through the API.',
    },
  },

  create(context) {
    const options = context.options[0] ?? { tiers: [] };
    const byFolder = layersByFolder(options.tiers);
    const pure = new Set(options.pure ?? []);
    const rendererMayImport = options.rendererMayImport ?? [];
    const typeOnly = new Set(options.typeOnly ?? []);
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const here = placeOf(file);
    if (!here) return {};

    /** Every layer of a lower tier, and the layer itself, by name. */
    function allowedFor(/** @type {Layer} */ layer) {
      const below = [...new Set(byFolder.values())]
        .filter((other) => other.tier < layer.tier)
        .map((other) => other.name);
      return joinNames([...below, 'itself']);
    }

    function usersOf(/** @type {Layer} */ layer) {
      const above = [...new Set(byFolder.values())]
        .filter((other) => other.tier > layer.tier)
        .map((other) => other.name);
      return above.length ? joinNames(above) : 'nothing else';
    }

    /**
     * @param {import('estree').Node} node the import, export or import() node
     * @param {string} source the module specifier
     * @param {boolean} typeOnlyImport whether only types are imported
     */
    function check(node, source, typeOnlyImport) {
      if (
        here.area === 'main' &&
        pure.has(here.folder) &&
        (isBuiltin(source) || source === 'electron')
      ) {
        context.report({ node, messageId: 'pureNode', data: { from: here.folder, source } });
        return;
      }
      if (!source.startsWith('.')) return;
      const target = path
        .relative(root, path.resolve(path.dirname(context.filename), source))
        .split(path.sep)
        .join('/');
      const there = placeOf(target);
      if (!there) return;

      if (here.area === 'renderer') {
        if (there.area !== 'main') return;
        const targetName = target.replace(/\.(js|ts|tsx)$/, '');
        const allowed = rendererMayImport.find(
          (entry) => targetName === entry || targetName.startsWith(`${entry}/`),
        );
        if (!allowed) {
          const list = joinNames(rendererMayImport.map((entry) => `${entry}`));
          context.report({ node, messageId: 'rendererMain', data: { allowed: list } });
        } else if (typeOnly.has(allowed) && !typeOnlyImport) {
          context.report({ node, messageId: 'rendererValue', data: { target: allowed } });
        }
        return;
      }

      if (there.area === 'renderer') {
        context.report({ node, messageId: 'mainRenderer' });
        return;
      }
      if (there.folder === here.folder) return;
      const from = byFolder.get(here.folder);
      const to = byFolder.get(there.folder);
      if (!from || !to) {
        context.report({
          node,
          messageId: 'unlayered',
          data: { to: from ? there.folder : here.folder },
        });
        return;
      }
      if (from === to || to.tier < from.tier) return;
      const data = {
        from: here.folder,
        to: there.folder,
        fromLayer: from.name,
        toLayer: to.name,
        allowed: allowedFor(from),
        users: usersOf(to),
      };
      context.report({ node, messageId: to.tier === from.tier ? 'sideways' : 'upward', data });
    }

    /** @param {any} node an ImportDeclaration or an export with a source */
    function fromDeclaration(node) {
      if (!node.source || typeof node.source.value !== 'string') return;
      const specifiers = node.specifiers ?? [];
      const typeOnlyImport =
        node.importKind === 'type' ||
        node.exportKind === 'type' ||
        (specifiers.length > 0 &&
          specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
      check(node, node.source.value, typeOnlyImport);
    }

    return {
      ImportDeclaration: fromDeclaration,
      ExportNamedDeclaration: fromDeclaration,
      ExportAllDeclaration: fromDeclaration,
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') {
          check(node, node.source.value, false);
        }
      },
    };
  },
};

export default { rules: { 'code-layering': codeLayering } };
