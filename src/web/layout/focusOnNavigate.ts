import { useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * When the path changes through client-side navigation, the next page's heading takes focus
 * (see PageHeader). Query-string changes (search boxes, filters) don't move focus.
 */
let pending = false;

export function takeFocusRequest(): boolean {
  const value = pending;
  pending = false;
  return value;
}

export function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useLayoutEffect(() => {
    if (previous.current !== pathname) {
      previous.current = pathname;
      pending = true;
      window.scrollTo({ top: 0 });
    }
  }, [pathname]);
}
