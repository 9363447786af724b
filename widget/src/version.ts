// The widget's version, compared by the define guard when two copies meet on one page.
export const VERSION = '0.1.0';
