// "Near me": one low-accuracy position request, reported through callbacks.
export interface LocateCallbacks {
  /** No Geolocation API (or no navigator). */
  unsupported(): void;
  started(): void;
  found(lat: number, lng: number): void;
  failed(denied: boolean): void;
}

export function locateBuyer(cb: LocateCallbacks): void {
  if (typeof navigator === 'undefined' || !navigator.geolocation) {
    cb.unsupported();
    return;
  }
  cb.started();
  navigator.geolocation.getCurrentPosition(
    (pos) => cb.found(pos.coords.latitude, pos.coords.longitude),
    (err) => cb.failed(err.code === err.PERMISSION_DENIED),
    // Cached positions up to 5 minutes old are fine: the buyer rarely moves far while choosing.
    { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
  );
}
