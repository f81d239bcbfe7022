/**
 * The label's CSS, adopted by a label's shadow root from one shared sheet once someone
 * interacts with it. `all: initial` with !important on :host is what keeps the page's own
 * rules for the host element out. The host and the mount point inside it generate no box
 * (`display: contents`), so the badge is the label's only box in the page's line: a host box
 * of its own (an inline block around the badge) made a frame that puts 2,000 labels in lay out
 * ~50 ms longer (bench page, in-page experiment, 6 rounds: layout 128 against 76 ms; 66 ms for
 * 2,000 empty elements). The badge's margin box has no height (18 px tall, -9 px margins above
 * and below): a label that made its line taller would move everything below it.
 *
 * A closed label carries the declarations below as inline styles instead of adopting the sheet:
 * every shadow root that adopts a sheet makes each frame that inserts such roots restyle more
 * (~2 ms with 2,000 labels on the page), and a closed label needs no selectors. The sheet is
 * built from the same declarations, so a label looks the same before and after it is taken over
 * (a browser test compares the computed styles).
 */
import type { CategoryId } from '../lib/policy/labels';

export const HOST_STYLE = [
  'all: initial !important',
  'display: contents !important',
  'font: 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif !important',
  'color: #1f1f1f !important',
].join('; ');

/** What Preact renders into: no box of its own either. */
export const MOUNT_STYLE = 'display: contents';

/** `all: unset` also undoes the universal border-box rule, as it does in the sheet. */
export const BADGE_STYLE = [
  'all: unset',
  'display: inline-block',
  'height: 18px',
  'padding: 0 6px',
  'border-radius: 9px',
  'cursor: pointer',
  'font: inherit',
  'font-size: 11px',
  'line-height: 16px',
  'white-space: nowrap',
  'border: 1px solid transparent',
  'vertical-align: middle',
  'margin: -9px 6px',
].join('; ');

export const CATEGORY_STYLE: Record<CategoryId, string> = {
  offensive_confidential: 'background: #fce8e6; color: #8c1d18; border-color: #e46962',
  fault_report: 'background: #ffefd6; color: #6b3d00; border-color: #e5a54b',
  question: 'background: #e3ecfd; color: #0842a0; border-color: #7ca4ef',
  praise: 'background: #e2f4e6; color: #0e5223; border-color: #78c08b',
};

export const CHIP_STYLE = [
  'box-sizing: border-box',
  'display: inline-block',
  'vertical-align: top',
  'margin: 1px 0 0 4px',
  'padding: 0 5px',
  'border-radius: 7px',
  'background: #8c1d18',
  'color: #fff',
  'font-size: 10px',
  'line-height: 14px',
].join('; ');

export const HINT_CHIP_STYLE = 'background: #5e5e5e';
export const REGISTERED_CHIP_STYLE = 'background: #1f1f1f';

const categoryRules = (Object.entries(CATEGORY_STYLE) as [CategoryId, string][])
  .map(([category, style]) => `.cat-${category} { ${style}; }`)
  .join('\n');

export const LABEL_CSS = `
:host { ${HOST_STYLE}; }
* { box-sizing: border-box; }
[data-mount] { ${MOUNT_STYLE}; }
.badge { ${BADGE_STYLE}; }
.badge:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
${categoryRules}
.chip { ${CHIP_STYLE}; }
.hint { ${HINT_CHIP_STYLE}; }
.panel {
  position: fixed;
  z-index: 2147483647;
  width: min(380px, calc(100vw - 16px));
  max-height: 520px;
  overflow: auto;
  padding: 12px 14px;
  background: #fff;
  color: #1f1f1f;
  border: 1px solid #c4c7c5;
  border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.22);
  font-size: 13px;
  line-height: 18px;
  white-space: normal;
  text-align: left;
}
.panel:focus { outline: none; }
.panel h2 { font-size: 14px; margin: 0 24px 8px 0; font-weight: 600; }
.panel h3 { font-size: 12px; margin: 10px 0 4px; font-weight: 600; color: #444746; text-transform: uppercase; letter-spacing: .03em; }
.panel ul { margin: 0; padding: 0 0 0 16px; }
.panel li { margin: 2px 0; }
.close {
  all: unset;
  position: absolute;
  top: 8px;
  right: 10px;
  width: 22px;
  height: 22px;
  text-align: center;
  line-height: 22px;
  border-radius: 11px;
  cursor: pointer;
  font-size: 16px;
}
.close:focus-visible { outline: 2px solid #0b57d0; }
.text {
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  background: #f6f8fc;
  border-radius: 6px;
  padding: 6px 8px;
  margin: 0;
  font: inherit;
}
mark { background: #ffd8a8; color: inherit; border-radius: 2px; }
.rule { color: #5e5e5e; font-size: 11px; }
.words { font-weight: 600; }
.panel section { border-top: 1px solid #e3e3e3; margin-top: 10px; }
.panel h4 { margin: 6px 0 2px; font-weight: 600; }
.field { display: flex; gap: 6px; align-items: center; margin: 6px 0; font-size: 12px; }
.field select { font: inherit; font-size: 12px; max-width: 100%; flex: 1; padding: 2px 4px; }
.preview { max-height: 160px; overflow: auto; }
.actions { display: flex; gap: 6px; flex-wrap: wrap; margin: 8px 0 2px; }
.actions button, .actions .button {
  font: inherit;
  font-size: 12px;
  padding: 3px 10px;
  border-radius: 6px;
  border: 1px solid #747775;
  background: #fff;
  color: #1f1f1f;
  cursor: pointer;
  text-decoration: none;
}
.actions .primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
.actions button:focus-visible, .actions .button:focus-visible, .link:focus-visible, select:focus-visible {
  outline: 2px solid #0b57d0;
  outline-offset: 1px;
}
.actions .danger { background: #b3261e; border-color: #b3261e; color: #fff; }
fieldset.flags { border: 0; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 2px 10px; }
fieldset.flags legend { font-size: 12px; font-weight: 600; padding: 0; margin-bottom: 2px; }
.check { display: inline-flex; gap: 4px; align-items: center; font-size: 12px; }
.field.column { flex-direction: column; align-items: stretch; }
.field textarea { font: inherit; font-size: 12px; }
.registered { ${REGISTERED_CHIP_STYLE}; }
.link { all: unset; color: #0b57d0; text-decoration: underline; cursor: pointer; }
.status { font-size: 12px; margin: 6px 0 0; }
.status.ok { color: #146c2e; }
.status.error { color: #b3261e; }
.muted { color: #5e5e5e; font-size: 12px; }
.notice {
  position: fixed;
  right: 16px;
  bottom: 16px;
  z-index: 2147483646;
  max-width: 340px;
  padding: 10px 12px;
  background: #fff8e1;
  color: #3e2c00;
  border: 1px solid #e5a54b;
  border-radius: 8px;
  box-shadow: 0 2px 10px rgba(0,0,0,.18);
  font-size: 12px;
  line-height: 16px;
}
.notice button { all: unset; margin-left: 8px; text-decoration: underline; cursor: pointer; }
`;
