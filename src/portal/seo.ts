import { raw, type SafeHtml } from './jsx.js';

/**
 * Structured data (schema.org JSON-LD) for the page head. Pages pass plain objects in `head.jsonLd`; the
 * layout serialises them with `jsonLdScript`. Other modules build theirs with the helpers below
 * (e.g. the jobs pages call `jobPostingLd`).
 */

/** A `<script type="application/ld+json">` block; `<` is escaped so no text can close the element. */
export function jsonLdScript(data: object): SafeHtml {
  const json = JSON.stringify({ '@context': 'https://schema.org', ...data })
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return raw(`<script type="application/ld+json">${json}</script>`);
}

/** Joins the public base URL (no trailing slash) and a site path. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
}

export interface Crumb { label: string; href?: string }

export function breadcrumbListLd(baseUrl: string, trail: Crumb[]): object {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((c, i) => ({
      '@type': 'ListItem', position: i + 1, name: c.label, ...(c.href ? { item: absoluteUrl(baseUrl, c.href) } : {}),
    })),
  };
}

/** ISO timestamps with the +08:00 offset read best to Chinese search engines; UTC ISO is also valid. */
export function articleLd(a: {
  url: string; headline: string; description: string; datePublished: string; dateModified?: string;
  publisher: string; author?: string | null; section?: string; keywords?: string;
}): object {
  return {
    '@type': 'Article',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    headline: a.headline.slice(0, 110),
    description: a.description,
    datePublished: a.datePublished,
    dateModified: a.dateModified ?? a.datePublished,
    author: { '@type': 'Organization', name: a.author || a.publisher },
    publisher: { '@type': 'Organization', name: a.publisher },
    ...(a.section ? { articleSection: a.section } : {}),
    ...(a.keywords ? { keywords: a.keywords } : {}),
    inLanguage: 'zh-CN',
  };
}

/** schema.org JobPosting (Google's required fields: title, description, datePosted, hiringOrganization, jobLocation). */
export function jobPostingLd(j: {
  url: string; title: string; descriptionHtml: string; datePosted: string; validThrough: string;
  employer: string; locality: string; region?: string; headcount?: number;
  salaryMin?: number | null; salaryMax?: number | null;
}): object {
  const salary = j.salaryMin != null || j.salaryMax != null
    ? {
      baseSalary: {
        '@type': 'MonetaryAmount', currency: 'CNY',
        value: { '@type': 'QuantitativeValue', unitText: 'MONTH',
          ...(j.salaryMin != null ? { minValue: j.salaryMin } : {}), ...(j.salaryMax != null ? { maxValue: j.salaryMax } : {}) },
      },
    }
    : {};
  return {
    '@type': 'JobPosting',
    url: j.url,
    title: j.title,
    description: j.descriptionHtml,
    datePosted: j.datePosted,
    validThrough: j.validThrough,
    hiringOrganization: { '@type': 'Organization', name: j.employer },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: j.locality, ...(j.region ? { addressRegion: j.region } : {}), addressCountry: 'CN' } },
    ...(j.headcount ? { totalJobOpenings: j.headcount } : {}),
    ...salary,
  };
}
