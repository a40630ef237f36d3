import { describe, expect, it } from 'vitest';
import { versionedCache } from './versioned-cache.js';

describe('versionedCache', () => {
  it('keeps a value per kind, scope, version and key, and drops what a scope kept under older versions once a newer one is kept', async () => {
    const cache = versionedCache({ body: 4, csv: 4 });
    let built = 0;
    const get = (kind: 'body' | 'csv', scope: string, version: string[], rest = 'r') => cache.remember(kind, scope, version, rest, async () => `${kind}:${scope}@${version.join('.')}/${rest}#${++built}`);
    expect(await get('body', 'a', ['9', '1'])).toBe('body:a@9.1/r#1');
    expect(await get('body', 'a', ['9', '1'])).toBe('body:a@9.1/r#1');
    expect(await get('csv', 'a', ['9', '1'])).toBe('csv:a@9.1/r#2');
    expect(await get('body', 'b', ['9', '1'])).toBe('body:b@9.1/r#3');
    // Versions compare as numbers (10 > 9), component by component: a's reference version moved.
    expect(await get('body', 'a', ['10', '1'], 'other')).toBe('body:a@10.1/other#4');
    // a@9.1 is gone from both kinds; b keeps its own.
    expect(await get('body', 'b', ['9', '1'])).toBe('body:b@9.1/r#3');
    expect(await get('csv', 'a', ['9', '1'])).toBe('csv:a@9.1/r#5');
    expect(await get('body', 'a', ['9', '1'])).toBe('body:a@9.1/r#6');
    expect(await get('body', 'a', ['10', '1'], 'other')).toBe('body:a@10.1/other#4');
    // Only the second number moved: still newer.
    expect(await get('body', 'a', ['10', '2'])).toBe('body:a@10.2/r#7');
    expect(await get('body', 'a', ['10', '1'], 'other')).toBe('body:a@10.1/other#8');
  });

  it('keeps nothing when building fails, and at most its limit per kind, least recently used out first', async () => {
    const cache = versionedCache({ body: 2 });
    await expect(cache.remember('body', 'a', ['1'], 'x', async () => Promise.reject(new Error('no region')))).rejects.toThrow('no region');
    expect(await cache.remember('body', 'a', ['1'], 'x', async () => 'built')).toBe('built');
    await cache.remember('body', 'a', ['1'], 'y', async () => 'y');
    expect(await cache.remember('body', 'a', ['1'], 'x', async () => 'again')).toBe('built');
    await cache.remember('body', 'a', ['1'], 'z', async () => 'z');
    // y was the least recently used of three under a limit of two.
    expect(await cache.remember('body', 'a', ['1'], 'y', async () => 'y again')).toBe('y again');
    expect(await cache.remember('body', 'a', ['1'], 'z', async () => 'z again')).toBe('z');
    cache.clear();
    expect(await cache.remember('body', 'a', ['1'], 'z', async () => 'after clear')).toBe('after clear');
  });
});
