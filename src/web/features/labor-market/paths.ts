/** Links inside the labor-market area. */
export const lmPaths = {
  dashboard: (slug: string) => `/c/${slug}/labor-market`,
  occupation: (slug: string, soc: string) => `/c/${slug}/labor-market/occupations/${encodeURIComponent(soc)}`,
  /** The data-sources page, scrolled to one dataset when given. */
  sources: (slug: string, datasetId?: string | null) => `/c/${slug}/labor-market/sources${datasetId ? `#${datasetAnchor(datasetId)}` : ''}`,
};

/** The element id of a dataset's row on the data-sources page. */
export const datasetAnchor = (datasetId: string) => `dataset-${datasetId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
