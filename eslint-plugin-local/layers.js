/**
 * The layers of main/, lowest first (see docs/architecture.md), for the code-layering rule. A
 * tier lists layers that sit side by side; `library+planning` is one layer of two folders.
 */
export const layering = {
  tiers: [
    ['format'],
    ['fs'],
    ['library+planning'],
    ['language'],
    ['signoff'],
    ['publish', 'sync'],
    ['api'],
    ['server'],
    ['electron', 'cli'],
  ],
  pure: ['format'],
  rendererMayImport: ['main/api/api-client', 'main/format', 'main/api/contract'],
  typeOnly: ['main/api/contract'],
};
