export declare const layering: {
  tiers: string[][];
  pure: string[];
  rendererMayImport: string[];
  typeOnly: string[];
};
