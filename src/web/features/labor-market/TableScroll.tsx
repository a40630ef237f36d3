import { Box } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import './labor-market.css';

/**
 * A table's scroll container. When its table overflows (narrow screens, long lists) it becomes a
 * named, focusable region, so keyboard users can scroll it too (WCAG 2.1.1); otherwise it is inert.
 */
export function TableScroll({ label, minWidth, maxHeight, children }: { label: string; minWidth: number; maxHeight?: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    check();
    return () => observer.disconnect();
  }, []);
  return (
    <Box
      ref={ref}
      className="tb-table-scroll"
      mah={maxHeight}
      style={{ '--tb-table-min-width': `${minWidth}px` }}
      {...(overflows ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      <div>{children}</div>
    </Box>
  );
}
