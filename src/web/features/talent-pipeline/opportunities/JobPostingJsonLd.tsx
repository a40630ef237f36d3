/**
 * The opportunity's schema.org JobPosting, embedded as JSON-LD for search engines and job boards (the
 * server builds it for internships, apprenticeships and jobs). "<" is escaped so no value can close the script.
 */
export function JobPostingJsonLd({ data }: { data: Record<string, unknown> }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" data-testid="job-posting-jsonld" dangerouslySetInnerHTML={{ __html: json }} />;
}
