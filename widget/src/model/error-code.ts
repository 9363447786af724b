// The codes of bp-error (ErrorDetail.code), also carried by ApiError and the cluster worker's answers.
// Here, below element/, so that api/ and the point sources can name them without importing the element layer.
export type ErrorCode =
  | 'invalid-attribute'
  | 'invalid-config'
  | 'config-not-found'
  | 'network'
  | 'timeout'
  | 'http'
  | 'bad-response'
  | 'not-found'
  | 'geolocation';
