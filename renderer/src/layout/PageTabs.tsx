/** Tabs over the main area once a comparison or a sweep is open: the playground, then each page. */
import { useApp } from '../app/app-context';
import { usePages } from '../app/hooks';
import { useStoreVersion } from '../store/use-store';
import type { PageId } from './pages-store';

const TITLES: Record<PageId, string> = { compare: 'Compare', sweep: 'Sweep' };

export function PageTabs() {
  const pages = usePages();
  const { viewer } = useApp();
  useStoreVersion(viewer);
  if (pages.open.length === 0) return null;
  const tabs: { id: PageId | null; title: string }[] = [
    { id: null, title: viewer.saved ? 'Playground (saved run)' : 'Playground' },
    ...pages.open.map((id) => ({ id, title: TITLES[id] })),
  ];
  return (
    <nav className="page-tabs" aria-label="Pages">
      {tabs.map((tab) => (
        <div key={tab.id ?? 'playground'} className="page-tabs__tab" data-active={pages.active === tab.id}>
          <button
            type="button"
            aria-current={pages.active === tab.id ? 'page' : undefined}
            className="page-tabs__button"
            onClick={() => pages.show(tab.id)}
            data-testid={`page-tab-${tab.id ?? 'playground'}`}
          >
            {tab.title}
          </button>
          {tab.id !== null && (
            <button
              type="button"
              className="page-tabs__close"
              aria-label={`Close ${tab.title}`}
              onClick={() => pages.close(tab.id!)}
            >
              ✕
            </button>
          )}
        </div>
      ))}
    </nav>
  );
}
