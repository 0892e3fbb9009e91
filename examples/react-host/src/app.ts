// A host application written in React that embeds Mutual through @mutual/react. Plain
// `createElement` calls (aliased `h`) keep the example free of a JSX build step; with JSX it reads
// <MutualSpace server={…} space={…} tokenProvider={…}>…</MutualSpace>.
import { createElement as h, useCallback, useState, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { MutualDeciderCockpit, MutualGroupFeed, MutualSpace, MutualWorkstreamBoard } from '@mutual/react';

interface Settings {
  /** This company's own Mutual server. */
  server: string;
  space: string;
  group: string;
}

type View = 'feed' | 'plan' | 'cockpit';

/** Asks the host's own back end for a short-lived embed token for the signed-in user. */
async function fetchToken(): Promise<string> {
  const response = await fetch('/mutual-token', { method: 'POST', headers: { 'X-Requested-With': 'mutual' } });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

function App({ server, space, group }: Settings): ReactElement {
  const [view, setView] = useState<View>('feed');
  const [status, setStatus] = useState('closed');
  const [posted, setPosted] = useState<string[]>([]);
  // A stable function: a new one on each render would be a new connection setting.
  const tokenProvider = useCallback(fetchToken, []);
  const tab = (name: View, label: string) =>
    h('button', { type: 'button', 'aria-pressed': view === name, onClick: () => setView(name) }, label);
  return h(
    'main',
    null,
    h('h1', null, 'Evaluation workspace'),
    h('nav', { 'aria-label': 'Views' }, tab('feed', 'Feed'), tab('plan', 'Plan'), tab('cockpit', 'Cockpit')),
    h('p', { id: 'live-status', role: 'status' }, `Live: ${status}`),
    h(
      MutualSpace,
      { server, space, tokenProvider, onMutualConnectionChange: (event) => setStatus(event.status) },
      view === 'feed' && h(MutualGroupFeed, { group, onMutualPost: (event) => setPosted((list) => [...list, event.post.text]) }),
      view === 'plan' && h(MutualWorkstreamBoard, null),
      view === 'cockpit' && h(MutualDeciderCockpit, null),
    ),
    h('h2', null, 'Posted from this page'),
    h('ul', { id: 'posted' }, ...posted.map((text, index) => h('li', { key: index }, text))),
  );
}

const root = document.getElementById('root')!;
const settings: Settings = { server: root.dataset.server!, space: root.dataset.space!, group: root.dataset.group! };
createRoot(root).render(h(App, settings));
