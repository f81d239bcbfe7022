import { render } from 'preact';
import { useState } from 'preact/hooks';
import { createHost, NOTICE_TAG } from '../lib/content/label-host';
import { type StringKey, t } from '../lib/i18n/strings';
import type { Language } from '../lib/policy/labels';
import { createStyleAdopter, mountPoint } from './label-renderer';
import { LABEL_CSS } from './label-styles';

function Notice({ language, text }: { language: Language; text: StringKey }) {
  const [visible, setVisible] = useState(true);
  if (!visible) return null;
  return (
    <div class="notice" role="status">
      {t(language, text)}
      <button type="button" onClick={() => setVisible(false)}>
        {t(language, 'dismiss')}
      </button>
    </div>
  );
}

/** Shows one unobtrusive notice on the page; returns a function that takes it away again. */
export function showNotice(doc: Document, language: Language, text: StringKey): () => void {
  const existing = doc.querySelector(NOTICE_TAG);
  const host = (existing as HTMLElement | null) ?? createHost(doc, NOTICE_TAG);
  if (!existing) doc.body.append(host);
  const root = host.shadowRoot;
  if (root) {
    createStyleAdopter(LABEL_CSS)(root);
    render(<Notice language={language} text={text} />, mountPoint(root));
  }
  return () => {
    const container = host.shadowRoot?.querySelector('[data-mount]');
    if (container) render(null, container);
    host.remove();
  };
}
