import { render } from 'preact';
import { Options } from '../../components/Options';
import '../../components/extension-page.css';

const app = document.getElementById('app');
if (app) render(<Options />, app);
