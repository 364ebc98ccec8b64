import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DesignerPage } from './designer.js';
import { html } from './html.js';
import { OperatorPage } from './operator.js';
import { PlayerPage } from './player.js';

const pages = { player: PlayerPage, designer: DesignerPage, operator: OperatorPage } as const;
type PageName = keyof typeof pages;

const pageOf = (hash: string): PageName => {
  const name = hash.replace(/^#\/?/, '');
  return name in pages ? (name as PageName) : 'player';
};

const App = () => {
  const [page, setPage] = useState<PageName>(pageOf(location.hash));
  useEffect(() => {
    const onHash = (): void => setPage(pageOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const Page = pages[page];
  return html`<nav>
      <strong>Placebo console</strong>
      ${(Object.keys(pages) as PageName[]).map((p) => html`<a href=${`#/${p}`} class=${p === page ? 'current' : ''}>${p}</a>`)}
    </nav>
    <main><${Page} key=${page} /></main>`;
};

render(html`<${App} />`, document.getElementById('app')!);
