import { describe, expect, it } from 'vitest';
import { htmlForRoutes, withCoalitionPreload } from './web.js';

const index = '<!doctype html><html><head><title>TalentBridge</title></head><body></body></html>';

describe('htmlForRoutes', () => {
  it("adds a modulepreload for each of a route's chunks and a style preload for its CSS", () => {
    const [dashboard] = htmlForRoutes(index, [{ path: '^/c/[^/]+/?$', modules: ['/assets/AppLayout-x1.js', '/assets/DashboardPage-y2.js'], styles: ['/assets/Dashboard-z3.css'] }]);
    expect(dashboard!.path.test('/c/la-tech')).toBe(true);
    expect(dashboard!.path.test('/c/la-tech/people')).toBe(false);
    expect(dashboard!.html).toContain('<link rel="modulepreload" crossorigin href="/assets/AppLayout-x1.js">');
    expect(dashboard!.html).toContain('<link rel="modulepreload" crossorigin href="/assets/DashboardPage-y2.js">');
    expect(dashboard!.html).toContain('<link rel="preload" as="style" crossorigin href="/assets/Dashboard-z3.css">');
    expect(dashboard!.html.indexOf('modulepreload')).toBeLessThan(dashboard!.html.indexOf('</head>'));
  });

  it('puts nothing but the build’s own asset names into the page', () => {
    const [route] = htmlForRoutes(index, [{ path: '^/$', modules: ['/assets/ok-1.js', '"><script>alert(1)</script>', 'https://elsewhere.example/x.js'], styles: ['/assets/../secret.css'] }]);
    expect(route!.html).toContain('/assets/ok-1.js');
    expect(route!.html).not.toContain('<script>');
    expect(route!.html).not.toContain('elsewhere');
    expect(route!.html).not.toContain('secret');
  });

  it('leaves the page as it is for a route with nothing to preload', () => {
    const [route] = htmlForRoutes(index, [{ path: '^/$', modules: [], styles: [] }]);
    expect(route!.html).toBe(index);
  });
});

describe('withCoalitionPreload', () => {
  it("preloads the coalition a coalition's page renders from", () => {
    for (const page of ['/c/la-tech', '/c/la-tech/', '/c/la-tech/metrics']) {
      expect(withCoalitionPreload(index, page)).toContain('<link rel="preload" href="/api/v1/coalitions/la-tech" as="fetch" crossorigin="anonymous">');
    }
  });

  it('adds nothing outside a coalition, nor for a slug the contract would refuse', () => {
    for (const page of ['/', '/sign-in', '/p/la-tech', '/c/', '/c/LA"><script>', '/c/la--tech', `/c/${'a'.repeat(64)}`]) {
      expect(withCoalitionPreload(index, page)).toBe(index);
    }
  });
});
