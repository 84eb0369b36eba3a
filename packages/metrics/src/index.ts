// Public API of @cx/metrics: explicit named re-exports only.
export {};
