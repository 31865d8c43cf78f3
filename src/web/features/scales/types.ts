/** Shapes of the rating-scale API (`/api/rating-scales`), as the web reads them. */
export interface ScaleLevel {
  code: string;
  label: string;
  /** Canonical decimal string ("3.5"); shown with formatIndonesianNumber. */
  score: string;
}

export interface Scale {
  id: string;
  key: string;
  name: string;
  version: number;
  /** In the tenant's chosen order (the order of choices when a target is entered). */
  levels: ScaleLevel[];
  permissions?: { update?: boolean };
}

export interface ScaleList {
  items: Scale[];
  permissions?: { create?: boolean };
}
