// Public API of @cx/sample-data: explicit named re-exports only.
export {};
