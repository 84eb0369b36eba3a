// Public API of @cx/text: explicit named re-exports only.
export {};
