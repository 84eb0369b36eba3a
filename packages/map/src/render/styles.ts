import type { Layout } from './options.js';

/**
 * The map's style sheet. Every rule starts with the SVG root's id, so a map never restyles its host page (no
 * global `text{}` rule), and two maps with different ids never restyle each other.
 *
 * @internal
 */
export function mapStyles({ id, fs }: Layout): string {
  const rules: Array<[string, string]> = [
    ['text', 'fill:#222'],
    ['.title', `font-size:${fs + 7}px;font-weight:bold;fill:#111`],
    ['.stage-head.s0', 'fill:#dbe7f3'],
    ['.stage-head.s1', 'fill:#e8eff7'],
    ['.stage-label', 'font-weight:bold;fill:#111'],
    ['.lane-bg', 'fill:#fff;stroke:#c8ced6'],
    ['.lane-label', 'font-weight:bold;fill:#333'],
    ['.sep', 'stroke:#c8ced6'],
    ['.icon-pain', 'fill:#c62828'],
    ['.icon-mot', 'fill:#f2a900'],
    ['.zero', 'stroke:#888;stroke-dasharray:4 3'],
    ['.grid', 'stroke:#e3e6ea'],
    ['.curve', 'fill:none;stroke-width:2.5'],
    ['.to-be-curve', 'stroke-dasharray:6 3'],
    ['.expected', 'fill:none;stroke:#777;stroke-width:1.5;stroke-dasharray:6 4'],
    ['.axis', `fill:#666;font-size:${fs - 2}px`],
    ['.legend', `font-size:${fs - 1}px`],
    ['.to-be', 'fill:#1b5e20;font-style:italic'],
    ['.bp-line', 'stroke:#555;stroke-width:1.5;stroke-dasharray:8 4'],
    ['.bp-line-label', `fill:#555;font-size:${Math.max(8, fs - 3)}px;font-style:italic`],
  ];
  return rules.map(([selector, body]) => `#${id} ${selector}{${body}}`).join('');
}
