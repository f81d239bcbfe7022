import { render } from 'preact';
import { Popup } from '../../components/Popup';
import '../../components/extension-page.css';
import { recordStore } from '../../components/use-record-store';

// Open the record store while the page renders, not after its first frame (when effects run).
// A failure is shown by the components that need the store.
recordStore().catch(() => {});

const app = document.getElementById('app');
if (app) render(<Popup />, app);
