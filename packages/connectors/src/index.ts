// Public API of @cx/connectors: explicit named re-exports only.
export {};
