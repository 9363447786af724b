// Entry point of the constructor page (/constructor/).
import './styles.css';
import './app.js';
import { loadScriptInfo } from './integrity.js';

const app = document.querySelector('bpc-app');

// Loaded apart from the form: if the widget fails to load, the settings and snippets still work
// and the preview says why.
import('../../widget/src/define.js').catch((e: unknown) => {
  if (app) app.widgetProblem = e instanceof Error ? e.message : String(e);
});

// Where the script-tag build is served; the demo server maps it, a deployment may move it.
const distBase = document.querySelector<HTMLMetaElement>('meta[name="branch-picker-dist"]')?.content || '/widget/dist/';
void loadScriptInfo(fetch, distBase, location.href).then((info) => {
  if (app) app.script = info;
});
