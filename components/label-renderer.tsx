/** Renders labels with Preact into their hosts' shadow roots, all sharing one stylesheet. */
import { render } from 'preact';
import type { LabelModel, LabelRenderer } from '../lib/content/labeller';
import { Label } from './Label';
import { type LabelContext, LabelContextValue } from './label-context';
import { LABEL_CSS } from './label-styles';

export function createLabelRenderer(context: () => LabelContext): LabelRenderer {
  const adopt = createStyleAdopter(LABEL_CSS);
  return {
    render(host: HTMLElement, model: LabelModel) {
      const root = host.shadowRoot;
      if (!root) return;
      const value = context();
      render(
        <LabelContextValue.Provider value={value}>
          <Label key={model.snapshot.commentId} {...model} language={value.settings.language} />
        </LabelContextValue.Provider>,
        mountPoint(root, adopt),
      );
    },
    unmount(host: HTMLElement) {
      const container = host.shadowRoot?.querySelector('[data-mount]');
      if (container) render(null, container);
    },
  };
}

/** The element inside a shadow root that Preact renders into, made (with the styles) on first use. */
export function mountPoint(root: ShadowRoot, adopt: (root: ShadowRoot) => void): Element {
  const existing = root.querySelector('[data-mount]');
  if (existing) return existing;
  adopt(root);
  const container = root.ownerDocument.createElement('span');
  container.setAttribute('data-mount', '');
  root.append(container);
  return container;
}

/**
 * One constructed stylesheet for every shadow root; where a browser refuses to adopt it
 * (Firefox content scripts have been known to), each root gets its own <style>.
 */
export function createStyleAdopter(css: string): (root: ShadowRoot) => void {
  let shared: CSSStyleSheet | null = null;
  try {
    shared = new CSSStyleSheet();
    shared.replaceSync(css);
  } catch {
    shared = null;
  }
  return (root) => {
    if (shared) {
      try {
        if (!root.adoptedStyleSheets.includes(shared)) root.adoptedStyleSheets = [shared];
        return;
      } catch {
        shared = null;
      }
    }
    const style = root.ownerDocument.createElement('style');
    style.textContent = css;
    root.append(style);
  };
}
