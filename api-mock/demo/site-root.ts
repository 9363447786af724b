// The demo page lives at <site root>/api-mock/demo/. The worker script and the dataset sit at the site
// root, and the site may be hosted under any sub-path (GitHub Pages: /<repo>/), so every URL the page
// needs is resolved from its own address rather than from "/".
const DEMO_PATH = /\/api-mock\/demo(?:\/[^/]*)?$/;

export function siteRoot(pageUrl: string): URL {
  const page = new URL(pageUrl);
  page.search = '';
  page.hash = '';
  // Static hosts serve ".../demo", ".../demo/" and ".../demo/index.html" alike: all mean the same directory.
  page.pathname = page.pathname.replace(DEMO_PATH, '/api-mock/demo/');
  return new URL('../../', page);
}
