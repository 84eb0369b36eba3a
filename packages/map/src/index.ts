// Public API of @cx/map: explicit named re-exports only.
export {};
