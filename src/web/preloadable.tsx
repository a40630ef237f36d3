import { lazy, useState, type ComponentType } from 'react';

/**
 * A lazily loaded page with a preload: when the preload has finished before the page first renders
 * (the first screen, started at boot), it renders straight away; React.lazy alone would still suspend
 * once and paint its fallback (a spinner) before the page. Each mounted instance keeps the component
 * it started with, so a preload finishing later never remounts a page.
 */
export function preloadable(load: () => Promise<{ default: ComponentType }>): [ComponentType, () => Promise<unknown>] {
  let loaded: ComponentType | undefined;
  const Lazy = lazy(load);
  const preload = () =>
    load().then((module) => {
      loaded = module.default;
      return module;
    });
  function Preloadable() {
    const [Component] = useState(() => loaded ?? Lazy);
    return <Component />;
  }
  return [Preloadable, preload];
}
