/** The imports page, optionally showing one import (its progress, errors or result). */
export const importsPath = (slug: string, options: { kind?: string; id?: string } = {}) => {
  const params = new URLSearchParams();
  if (options.kind) params.set('kind', options.kind);
  if (options.id) params.set('import', options.id);
  const qs = params.toString();
  return `/c/${slug}/imports${qs ? `?${qs}` : ''}`;
};
