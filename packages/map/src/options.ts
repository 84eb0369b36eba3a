// The options of every public function of @cx/map are checked by @cx/model's parseOptions: `undefined` means `{}`;
// `null`, arrays, primitives, unknown keys (with the closest known key named) and out-of-range values are a
// CxOptionsError whose issue paths start at the options root.
export { parseOptions as checkOptions } from '@cx/model';
